import Foundation
import Testing

/// After a change that touches every page, a terminal is not flooded: twenty diffs, then a count.
struct CheckOutputTests {
    @Test func manyStaleFilesShowTwentyDiffs() throws {
        let scratch = try Scratch()
        var manifest = "version: 1\nenvironment: sandbox\npartials: []\ntoken: {url: /t}\npages:\n"
        for index in 0..<30 { manifest += "  - {path: p\(index).html, title: P, components: [{component: dwolla-personal-vcr}]}\n" }
        try scratch.write("dropin.yml", manifest)
        try #require(try dropin("build", in: scratch.url).status == 0)
        try scratch.write("dropin.yml", manifest.replacingOccurrences(of: "title: P,", with: "title: Q,"))
        let text = try dropin("check", in: scratch.url)
        #expect(text.status == 1)
        #expect(text.stderr.components(separatedBy: "\n--- ").count - 1 == 20)
        // 30 pages and the index; the record of their digests differs too, which says nothing more.
        #expect(text.stderr.contains("(diffs of 11 more files left out; --format json has them all)"))
        #expect(text.stderr.components(separatedBy: "error: the manifest or a template changed since the last build: run dropin build").count - 1 == 31)
        #expect(!text.stderr.contains("owned.json") && !text.stderr.contains("by hand"))
        let json = try parseJSON(try dropin("check", "--format", "json", in: scratch.url).stdout)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.filter { $0["diff"] is String }.count == 31)
        #expect(Set(files.compactMap { $0["status"] as? String }) == ["stale"])
        let github = try dropin("check", "--format", "github", in: scratch.url)
        #expect(!github.stdout.contains("owned.json"))
    }

    /// A record changed on its own (a merge, a hand) is one line, never a diff of digests.
    @Test func aRecordThatAloneDiffersIsOneLine() throws {
        let scratch = try Scratch()
        try scratch.write("dropin.yml", "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages:\n  - {path: p.html, title: P, components: [{component: dwolla-personal-vcr}]}\ndwollaWeb: \"3.0.0\"\n")
        try #require(try dropin("build", in: scratch.url).status == 0)
        let record = try scratch.read("site-private/dropin/owned.json")
        try scratch.write("site-private/dropin/owned.json", record.replacingOccurrences(of: "\"pages\" : 1", with: "\"pages\" : 2"))
        let text = try dropin("check", in: scratch.url)
        #expect(text.status == 1)
        #expect(text.stderr.hasPrefix("site-private/dropin/owned.json:1:1: error: the ownership record is not the one a build writes: run dropin build and commit it\n"))
        #expect(!text.stderr.contains("--- "))
    }
}
