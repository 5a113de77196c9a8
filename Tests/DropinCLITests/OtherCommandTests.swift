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
