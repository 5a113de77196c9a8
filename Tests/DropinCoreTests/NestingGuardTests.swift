import DropinCore
import Foundation
import Testing

/// The guard that refuses nesting deep enough to exhaust the parser's stack.
struct NestingGuardTests {
    private func code(_ text: String) -> String? {
        do {
            _ = try ManifestSource.parse(Data(text.utf8), file: "dropin.yml")
            return nil
        } catch {
            return error.diagnostic.code
        }
    }

    @Test func bracketsInsideQuotesDoNotCount() {
        #expect(code("title: \"" + String(repeating: "[", count: 500) + "\"\n") == nil)
        #expect(code("title: '" + String(repeating: "{", count: 500) + "'\n") == nil)
    }

    @Test func anApostropheInPlainTextHidesNothing() {
        #expect(code("title: Dwolla's docs\nx: " + String(repeating: "[", count: 500) + "\n") == "nested-too-deep")
        #expect(code("title: rock 'n roll\nx: " + String(repeating: "[", count: 500) + "\n") == "nested-too-deep")
    }

    @Test func commentsDoNotCount() {
        #expect(code("# " + String(repeating: "[", count: 500) + "\nversion: 1\n") == nil)
    }

    @Test func realManifestDepthPasses() {
        #expect(code("pages: [{components: [{attributes: {customerId: {param: customerId}}}]}]\n") == nil)
    }
}
