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
        // 30 pages, the index, and the record of their digests.
        #expect(text.stderr.contains("(diffs of 12 more files left out; --format json has them all)"))
        let json = try parseJSON(try dropin("check", "--format", "json", in: scratch.url).stdout)
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.filter { $0["diff"] is String }.count == 32)
    }
}
