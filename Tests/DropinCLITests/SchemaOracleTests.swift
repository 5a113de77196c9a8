import Foundation
import Testing

/// The schema checked by an independent validator, check-jsonschema.
struct SchemaOracleTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    private func checkAgainstSchema(_ manifest: String) async throws -> Outcome {
        let checker = try requireTool("check-jsonschema")
        let schema = try dropin("schema", in: scratch.url)
        try scratch.write("dropin.schema.json", schema.stdout)
        try scratch.write("candidate.yml", manifest)
        return try await runOffPool(checker, ["--schemafile", "dropin.schema.json", "candidate.yml"], in: scratch.url)
    }

    @Test func theStarterManifestConforms() async throws {
        _ = try dropin("init", in: scratch.url)
        let outcome = try await checkAgainstSchema(try scratch.read("dropin.yml"))
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }

    @Test(arguments: [
        ("an unknown key", "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages: [{path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}]\ncolour: red\n"),
        ("a wrong environment", "version: 1\nenvironment: prod\ntoken: {url: /t}\npages: [{path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}]\n"),
        ("a missing required attribute", "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages: [{path: a.html, title: A, components: [{component: dwolla-balance-display}]}]\n"),
        ("an attribute the component does not take", "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages: [{path: a.html, title: A, components: [{component: dwolla-personal-vcr, attributes: {colour: red}}]}]\n"),
        ("no pages", "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages: []\n"),
    ])
    func brokenManifestsAreRejected(problem: String, manifest: String) async throws {
        let outcome = try await checkAgainstSchema(manifest)
        #expect(outcome.status == 1, "\(problem) was accepted: \(outcome.stdout)")
    }

    @Test func theRepositoryExampleConforms() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = try String(contentsOf: root.appendingPathComponent("dropin.yml"), encoding: .utf8)
        let outcome = try await checkAgainstSchema(example)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }
}
