@testable import DropinCore
import Foundation
import Testing
import Yams

/// A long manifest is parsed in parts on every core. Whatever the text, the tree must be the one
/// a whole parse gives, lines and columns included, or there must be no tree (and the caller
/// parses the text whole).
struct PartwiseParseTests {
    /// The tree in `parts`, checked against the whole parse; nil when the text was left whole.
    static func partwise(_ text: String, parts: Int) throws -> String? {
        guard let root = PartwiseParse.root(of: text, parts: parts, minimumBytes: 0) else { return nil }
        let whole = try #require(try ManifestSource.yamlRoot(of: text))
        #expect(root.outline == whole.outline, "\(parts) parts of:\n\(text)")
        return root.outline
    }

    @Test(arguments: 2...5)
    func aLongManifestGivesTheSameTreeInParts(parts: Int) throws {
        let text = LongManifestTests.pages(1_000) + "partials: [erb]\nserver:\n  - node\n"
        #expect(try Self.partwise(text, parts: parts) != nil)
    }

    @Test func generatedManifestsGiveTheSameTreeInParts() throws {
        var split = 0
        for seed in 0..<60 {
            var generator = PropertyTests.Generator(state: UInt64(seed) &+ 20_261_129)
            let text = PropertyTests.manifest(&generator)
            for parts in 2...3 where try Self.partwise(text, parts: parts) != nil {
                split += 1
            }
        }
        #expect(split > 30)
    }

    /// Texts where a cut could fall somewhere unusual. Each is either split into the same tree
    /// or left whole; `splits` says which the test expects.
    @Test(arguments: [
        // Pages at the first column, comments and blank lines between them, keys after the list.
        (true, "version: 1\npages:\n# first\n- path: a.html\n  title: A\n\n# second\n- path: b.html\n  title: B\n- path: c.html\ntoken: {url: /t}\n"),
        // A block text whose lines look like pages, indented deeper as block text must be.
        (true, "pages:\n  - path: a.html\n    title: |\n      one\n      - two\n  - path: b.html\n    title: >\n\n      - three\n  - path: c.html\n"),
        // Lists inside pages, written at their key's own indentation.
        (true, "pages:\n- path: a.html\n  components:\n  - component: x\n  - component: y\n- path: b.html\n  components:\n  - component: z\n"),
        // A quoted title running onto a line that starts like a page: the first part is unfinished.
        (false, "pages:\n  - path: a.html\n    title: \"one\n  - two\"\n"),
        // A bracket open across the cut.
        (false, "pages:\n  - path: a.html\n    components: [x,\n  - y]\n"),
        // An alias to an anchor in an earlier part.
        (false, "pages:\n  - path: a.html\n    title: &t Home\n  - path: b.html\n    title: *t\n"),
        // A second document after the list.
        (false, "pages:\n  - path: a.html\n  - path: b.html\n---\nmore: 1\n"),
        // A carriage return, a next-line or a line or paragraph separator inside a quoted text:
        // YAML counts each as a line break (found by the fuzzer, for the carriage return).
        (false, "pages:\n  - path: a.html\n    title: \"one\rtwo\"\n  - path: b.html\n"),
        (false, "pages:\n  - path: a.html\n    title: \"one\u{85}two\"\n  - path: b.html\n"),
        (false, "pages:\n  - path: a.html\n    title: \"one\u{2028}two\"\n  - path: b.html\n"),
        (false, "pages:\n  - path: a.html\n    title: \"one\u{2029}two\"\n  - path: b.html\n"),
        // Text that only looks like those: an en dash, a non-breaking space.
        (true, "pages:\n  - path: a.html\n    title: \"one \u{2013} two\u{A0}\"\n  - path: b.html\n"),
        // An empty value last before a cut: after `key:` it stands where the key ends; after a
        // `? key` it takes the place of whatever follows, which a part does not have (found by
        // the fuzzer).
        (true, "pages:\n  - path: a.html\n    title:\n  - path: b.html\n"),
        (false, "pages:\n  - path: a.html\n    components:\n      ? component: x\n\n  - path: b.html\n"),
        // Windows line ends, a list written inline, and no list at all.
        (false, "pages:\r\n  - path: a.html\r\n  - path: b.html\r\n"),
        (false, "pages: [{path: a.html}, {path: b.html}]\n"),
        (false, "version: 1\n"),
    ])
    func unusualTextsAreSplitIntoTheSameTreeOrLeftWhole(splits: Bool, text: String) throws {
        let results = try (2...4).map { try Self.partwise(text, parts: $0) }
        #expect(results.allSatisfy { ($0 != nil) == splits }, "\(text)")
    }

    @Test func brokenPagesReportTheSamePlacesWhenParsedInParts() throws {
        let text = LongManifestTests.pages(600, broken: [5: "    colour: red\n", 590: "        attributes: {firstName: [Ada]}\n"])
        func diagnostics(_ root: Node?) -> [String] {
            let source = ManifestSource(file: "dropin.yml", data: Data(text.utf8), text: text, root: root)
            return ManifestValidator().validate(source).diagnostics.map(\.summary)
        }
        let partwise = try #require(PartwiseParse.root(of: text, parts: 2, minimumBytes: 0))
        let expected = diagnostics(try ManifestSource.yamlRoot(of: text))
        #expect(expected.count == 2)
        #expect(diagnostics(partwise) == expected)
    }

    @Test func shortManifestsAreParsedWhole() {
        #expect(PartwiseParse.root(of: LongManifestTests.pages(10), parts: 2) == nil)
        #expect(PartwiseParse.root(of: LongManifestTests.pages(10), parts: 1, minimumBytes: 0) == nil)
    }
}
