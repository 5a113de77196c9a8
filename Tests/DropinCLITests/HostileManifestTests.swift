import Foundation
import Testing

/// Hostile input and faults, end to end through the binary: each gets a clear diagnostic and an
/// exit status, and nothing already in the output folder is lost or left half-written.
/// RELIABILITY.md lists every case with its test.
struct HostileManifestTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    private func validate(_ manifest: Data) throws -> Outcome {
        try manifest.write(to: scratch.url.appendingPathComponent("dropin.yml"))
        return try run(dropinBinary, ["validate", "--format", "json"], in: scratch.url)
    }

    private func diagnostics(_ outcome: Outcome) throws -> [[String: Any]] {
        try #require(try parseJSON(outcome.stdout)["diagnostics"] as? [[String: Any]])
    }

    @Test func aManifestOverTheSizeLimitIsRefusedUnread() throws {
        var text = "version: 1\n"
        let filler = "# " + String(repeating: "x", count: 1_000) + "\n"
        while text.utf8.count < 50 * 1_048_576 { text += String(repeating: filler, count: 1_000) }
        let outcome = try validate(Data(text.utf8))
        #expect(outcome.status == 2)
        let first = try #require(try diagnostics(outcome).first)
        #expect(first["code"] as? String == "manifest-too-large")
        #expect(first["message"] as? String == "dropin.yml is 50 MB; dropin reads manifests up to 32 MB: split the site, or check that this is the manifest")
    }

    @Test func deepNestingIsRefusedBeforeItCanExhaustTheStack() throws {
        let outcome = try validate(Data(("version: 1\ntitle: " + String(repeating: "[", count: 200_000)).utf8))
        #expect(outcome.status == 2)
        let first = try #require(try diagnostics(outcome).first)
        #expect(first["code"] as? String == "nested-too-deep")
        #expect(first["line"] as? Int == 2)
        #expect(first["column"] as? Int == 72)
    }

    @Test func deepBlockIndentationIsRefusedToo() throws {
        var text = "version: 1\npages:\n"
        for level in 0..<300 { text += String(repeating: " ", count: level + 2) + "k\(level):\n" }
        let outcome = try validate(Data(text.utf8))
        #expect(outcome.status == 2)
        #expect(try diagnostics(outcome).first?["code"] as? String == "nested-too-deep")
    }

    @Test func anAliasBombStopsAtTheValueLimit() throws {
        // A page of 2,000 aliased components, aliased 2,000 times: four million components
        // written in a few kilobytes.
        let components = Array(repeating: "*c", count: 2_000).joined(separator: ", ")
        let pages = Array(repeating: "*p", count: 2_000).joined(separator: ", ")
        let text = """
            version: 1
            environment: sandbox
            token: {url: /t}
            pages: [&p {path: a.html, title: A, components: [&c {component: dwolla-personal-vcr, attributes: {firstName: Ada}}, \(components)]}, \(pages)]
            dwollaWeb: "3.0.0"

            """
        let outcome = try validate(Data(text.utf8))
        #expect(outcome.status == 1)
        let codes = try diagnostics(outcome).map { $0["code"] as? String }
        #expect(codes.contains("too-many-values"))
    }

    @Test func aNULByteIsAYAMLErrorWithItsPlace() throws {
        let outcome = try validate(Data("version: 1\ntitle: a".utf8) + Data([0]) + Data("b\n".utf8))
        #expect(outcome.status == 2)
        let first = try #require(try diagnostics(outcome).first)
        #expect(first["code"] as? String == "not-yaml")
        #expect(first["line"] as? Int == 2)
    }

    @Test func controlCharactersInValuesAreRefused() throws {
        let outcome = try validate(Data("""
            version: 1
            environment: sandbox
            token: {url: /t}
            pages:
              - {path: a.html, title: "Bell\\a", components: [{component: dwolla-personal-vcr}]}
            dwollaWeb: "3.0.0"
            """.utf8))
        #expect(outcome.status == 1)
        #expect(try diagnostics(outcome).first?["code"] as? String == "control-character")
    }
}
