import Foundation
import Testing

/// `dropin init`, `components`, `schema` and `--version`.
struct OtherCommandTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    @Test func initWritesAStarterThatValidatesCleanly() throws {
        let created = try dropin("init", in: scratch.url)
        #expect(created.status == 0)
        #expect(created.stdout == "wrote dropin.yml and dropin.schema.json (for editors); check it with `dropin validate`\n")
        let validated = try dropin("validate", in: scratch.url)
        #expect(validated.status == 0)
        #expect(validated.stderr == "", "the starter pins dwolla-web, so no unpinned-dwolla-web warning")
        #expect(try scratch.read("dropin.yml").contains("\ndwollaWeb: \"3.0.0\""))
        // The editor's schema line names a file that is there, and is the schema.
        #expect(try scratch.read("dropin.yml").contains("# yaml-language-server: $schema=dropin.schema.json"))
        #expect(try scratch.read("dropin.schema.json") == (try dropin("schema", in: scratch.url)).stdout)
        // A second project in the same folder keeps the schema file it finds.
        try scratch.write("dropin.schema.json", "{}\n")
        let again = try dropin("init", "--manifest", "other.yml", in: scratch.url)
        #expect(again.status == 0)
        #expect(again.stdout.hasPrefix("wrote other.yml, and kept the existing dropin.schema.json"))
        #expect(try scratch.read("dropin.schema.json") == "{}\n")
    }

    /// The repository's example names dropin.schema.json for editors: it is there, and current.
    @Test func theRepositorysSchemaFileIsCurrent() throws {
        let schema = try String(contentsOf: repositoryRoot.appendingPathComponent("dropin.schema.json"), encoding: .utf8)
        #expect(schema == (try dropin("schema", in: scratch.url)).stdout, "run: swift run dropin schema > dropin.schema.json")
    }

    /// Shell completions come from the argument parser, for each shell the README names.
    @Test(arguments: ["bash", "zsh", "fish"])
    func completionsAreGenerated(shell: String) throws {
        let outcome = try dropin("--generate-completion-script", shell, in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("deployment") && outcome.stdout.contains("build"), "\(shell)")
    }

    /// The version printed is the one a manifest's `dropin` key is checked against: a starter
    /// requires its minor version, and a manifest for another dropin writes nothing.
    @Test func dropinSaysItsVersionAndAManifestCanRequireOne() throws {
        let version = try dropin("--version", in: scratch.url)
        #expect(version.status == 0)
        #expect(version.stdout == "0.1.0\n")
        #expect(try dropin("init", in: scratch.url).status == 0)
        #expect(try scratch.read("dropin.yml").contains("\ndropin: \"0.1\"\n"))
        #expect(try dropin("build", in: scratch.url).status == 0)
        try scratch.write("dropin.yml", try scratch.read("dropin.yml").replacingOccurrences(of: "dropin: \"0.1\"", with: "dropin: \"0.2\""))
        try FileManager.default.removeItem(at: scratch.url.appendingPathComponent("site"))
        let other = try dropin("build", in: scratch.url)
        #expect(other.status == 1)
        #expect(other.stderr.contains("error: this manifest requires dropin 0.2, and this is dropin 0.1.0"), "\(other.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("site").path))
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
              attributes:
                customerId       uuid, required
                hideZeroBalance  boolean, since 2.1.9
              actions: customer.fundingsources.read
            """))
        // Where the catalog learned of an attribute, as --format json has it.
        #expect(outcome.stdout.contains("    ownerId     uuid; in Dwolla's example app only\n"))
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

    /// Help is wrapped once, by the argument parser, to the terminal: no line breaks from the
    /// source in mid-sentence, which left words alone on a line.
    @Test(arguments: ["build", "serve", "templates"])
    func helpParagraphsAreWrappedOnce(command: String) throws {
        let help = try dropin(command, "--help", in: scratch.url).stdout
        let discussion = try #require(help.components(separatedBy: "\nUSAGE:").first)
        for paragraph in discussion.components(separatedBy: "\n\n").dropFirst() {
            let lines = paragraph.split(separator: "\n")
            for line in lines.dropLast() {
                #expect(line.count > 50 && line.count <= 80, "a ragged line in \(command) --help: '\(line)'")
            }
        }
    }

    @Test func schemaIsDeterministicJSON() throws {
        let first = try dropin("schema", in: scratch.url)
        let second = try dropin("schema", in: scratch.url)
        #expect(first.status == 0)
        #expect(first.stdout == second.stdout)
        let schema = try parseJSON(first.stdout)
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-07/schema#")
        let properties = try #require(schema["properties"] as? [String: Any])
        #expect(Set(properties.keys) == ["version", "dropin", "environment", "dwollaWeb", "output", "privateOutput", "styles", "lang", "publicPath",
                                         "templates", "partials", "csp", "server", "token", "callbacks", "userAgent", "pages", "deployments"])
    }
}
