import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Snippets as the app's own template engines render them (Tests/Snippets/render_snippets.py):
/// Jinja2, a Mustache implementation and Ruby's ERB, over a manifest whose literal values are
/// written to attack each engine and HTML. Every literal must come out as written, every
/// parameter as text.
struct SnippetEngineTests {
    @Test func snippetsRenderAsWrittenInRealEngines() async throws {
        let python = try requireTool("python3")
        _ = try requireTool("ruby")
        let scratch = try Scratch()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Tests/Snippets/dropin.yml"),
                                         to: scratch.url.appendingPathComponent("dropin.yml"))
        let built = try dropin("build", in: scratch.url)
        try #require(built.status == 0, "\(built.stderr)")
        let outcome = try await runOffPool(python, [repositoryRoot.appendingPathComponent("Tests/Snippets/render_snippets.py").path,
                                       scratch.url.appendingPathComponent("dropin.yml").path,
                                       scratch.url.appendingPathComponent("site-private").path])
        #expect(outcome.status == 0, "\(outcome.stdout.suffix(4000))\(outcome.stderr.suffix(2000))")
        #expect(outcome.stdout.contains(" passed, 0 failed"))
    }
}
