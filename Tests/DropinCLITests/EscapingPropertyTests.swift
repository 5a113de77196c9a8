import Foundation
import Testing

#if canImport(FoundationXML)
import FoundationXML
#endif

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

    @Test func anyTextRoundTripsThroughThePages() async throws {
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
        let outcome = try await OracleTests.runOracles(try OracleTests.oracleArguments(for: scratch.url.appendingPathComponent("site")))
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
