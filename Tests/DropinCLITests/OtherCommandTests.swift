import Foundation
import Testing

/// `dropin init`, `components` and `schema`.
struct OtherCommandTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    @Test func initWritesAStarterThatValidatesCleanly() throws {
        let created = try dropin("init", in: scratch.url)
        #expect(created.status == 0)
        #expect(created.stdout == "wrote dropin.yml; check it with `dropin validate`\n")
        let validated = try dropin("validate", in: scratch.url)
        #expect(validated.status == 0)
        #expect(validated.stderr == "")
        #expect(try scratch.read("dropin.yml").contains("# yaml-language-server: $schema=dropin.schema.json"))
    }

    @Test func initNeverOverwrites() throws {
        try scratch.write("dropin.yml", "mine\n")
        let outcome = try dropin("init", in: scratch.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("dropin.yml already exists; dropin init never overwrites a file"))
        #expect(try scratch.read("dropin.yml") == "mine\n")
    }

    @Test func componentsListsTheCatalog() throws {
        let outcome = try dropin("components", in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("""
            dwolla-balance-display  since 2.0.0
              Shows the balance of a customer's Dwolla balance funding source.
              attributes: customerId (uuid, required), hideZeroBalance (boolean, since 2.1.9)
              actions: customer.fundingsources.read
            """))
        #expect(outcome.stdout.contains("dwolla-account-opening  since 2.1.9  (undocumented since December 2024)"))
    }

    @Test func componentsAsJSON() throws {
        let outcome = try dropin("components", "--format", "json", in: scratch.url)
        #expect(outcome.status == 0)
        let document = try parseJSON(outcome.stdout)
        #expect(document["formatVersion"] as? Int == 1)
        let components = try #require(document["components"] as? [[String: Any]])
        #expect(components.count == 11)
        let payin = try #require(components.first { $0["tag"] as? String == "dwolla-payin" })
        #expect(payin["actions"] as? [String] == ["customer.fundingsources.read", "customer.transfers.send"])
        let opening = try #require(components.first { $0["tag"] as? String == "dwolla-account-opening" })
        #expect(opening["actions"] is NSNull)
        #expect(opening["status"] as? String == "undocumented")
    }

    @Test func schemaIsDeterministicJSON() throws {
        let first = try dropin("schema", in: scratch.url)
        let second = try dropin("schema", in: scratch.url)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let schema = try parseJSON(first.stdout)
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == ["version", "environment", "dwollaWeb", "output", "styles", "lang", "publicPath",
                                         "templates", "partials", "csp", "server", "token", "callbacks", "pages"])
    }
}

/// The schema checked by an independent validator, check-jsonschema.
struct SchemaOracleTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    private func checkAgainstSchema(_ manifest: String) throws -> Outcome {
        let checker = try requireTool("check-jsonschema")
        let schema = try dropin("schema", in: scratch.url)
        try scratch.write("dropin.schema.json", schema.stdout)
        try scratch.write("candidate.yml", manifest)
        return try run(checker, ["--schemafile", "dropin.schema.json", "candidate.yml"], in: scratch.url)
    }

    @Test func theStarterManifestConforms() throws {
        _ = try dropin("init", in: scratch.url)
        let outcome = try checkAgainstSchema(try scratch.read("dropin.yml"))
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }

    @Test(arguments: [
        ("an unknown key", "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages: [{path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}]\ncolour: red\n"),
        ("a wrong environment", "version: 1\nenvironment: prod\ntoken: {url: /t}\npages: [{path: a.html, title: A, components: [{component: dwolla-personal-vcr}]}]\n"),
        ("a missing required attribute", "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages: [{path: a.html, title: A, components: [{component: dwolla-balance-display}]}]\n"),
        ("an attribute the component does not take", "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages: [{path: a.html, title: A, components: [{component: dwolla-personal-vcr, attributes: {colour: red}}]}]\n"),
        ("no pages", "version: 1\nenvironment: sandbox\ntoken: {url: /t}\npages: []\n"),
    ])
    func brokenManifestsAreRejected(problem: String, manifest: String) throws {
        let outcome = try checkAgainstSchema(manifest)
        #expect(outcome.status == 1, "\(problem) was accepted: \(outcome.stdout)")
    }

    @Test func theRepositoryExampleConforms() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let example = try String(contentsOf: root.appendingPathComponent("dropin.yml"), encoding: .utf8)
        let outcome = try checkAgainstSchema(example)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }
}
