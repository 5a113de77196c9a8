import DropinCore
import Testing

/// The libxml2-based check: well-formedness plus the HTML rules the XML parser misses
/// (LIBXML2.md), each with its place.
struct PolyglotCheckTests {
    static func page(_ body: String) -> String {
        """
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head><meta charset="utf-8" /><title>t</title></head>
        <body>
        \(body)
        </body>
        </html>
        """
    }

    @Test func aGoodPageHasNoProblems() {
        #expect(PolyglotCheck.problems(in: Self.page("<p>a &amp; b</p><br />"), as: .document) == [])
    }

    @Test(arguments: [
        ("<p>unclosed", 6, "Opening and ending tag mismatch: p line 5 and body"),
        ("<p>a & b</p>", 5, "xmlParseEntityRef: no name"),
        ("<p>&nbsp;</p>", 5, "Entity 'nbsp' not defined"),
        ("<p id=x></p>", 5, "AttValue: \" or ' expected"),
        ("<p id=\"a\" id=\"b\"></p>", 5, "Attribute id redefined"),
        ("<script>if (a < b) {}</script>", 5, "StartTag: invalid element name"),
    ])
    func xmlErrorsComeFirstWithTheirLine(body: String, line: Int, message: String) throws {
        let problem = try #require(PolyglotCheck.problems(in: Self.page(body), as: .document).first)
        #expect(problem.isXMLError)
        #expect(problem.line == line)
        #expect(problem.message == message)
    }

    @Test(arguments: [
        ("<dwolla-payin/>", "<dwolla-payin/> is not closed to a browser: write <dwolla-payin ...></dwolla-payin> instead"),
        ("<br></br>", "void element <br> must be written self-closed, as <br ... />"),
        ("<p id=\"a\" ID=\"b\"></p>", "attribute 'ID' must be lowercase: HTML lowercases it, XML does not"),
        ("<P></P>", "element <P> must be lowercase: HTML lowercases it, XML does not"),
        ("<?php echo 1 ?>", "processing instruction <?php ...?> is not HTML: remove it"),
        ("<p><![CDATA[x]]></p>", "CDATA sections are not HTML: escape the text instead"),
    ])
    func htmlRulesTheXMLParserMisses(body: String, message: String) throws {
        let problems = PolyglotCheck.problems(in: Self.page(body), as: .document)
        #expect(problems.map(\.message).contains(message), "\(problems)")
        #expect(problems.allSatisfy { !$0.isXMLError })
        #expect(problems.first?.line == 5)
    }

    /// A start tag's problem points at its `<`, also when the tag spans lines or follows
    /// text with characters of more than one byte.
    @Test func aStartTagsProblemIsWhereTheTagBegins() {
        let spanning = PolyglotCheck.problems(in: "<p>é ü<div\n  class=\"x\">b</div></p>", as: .fragment)
        #expect(spanning.first.map { [$0.line, $0.column] } == [1, 7], "\(spanning)")
        let onItsLine = PolyglotCheck.problems(in: "<p>\n  <div>b</div></p>", as: .fragment)
        #expect(onItsLine.first.map { [$0.line, $0.column] } == [2, 3], "\(onItsLine)")
    }

    /// libxml2 takes noncharacters in names, which HTML's parser reports (expat, the
    /// differential test's XML parser, refuses them, so they are tested here).
    @Test func aNoncharacterInANameIsRefused() {
        for text in ["<p><x\u{1FFFE}>a</x\u{1FFFE}></p>", "<p a\u{1FFFE}=\"1\">a</p>"] {
            let problems = PolyglotCheck.problems(in: text, as: .fragment)
            #expect(problems.map(\.message).contains("U+1FFFE in a name is a control character or noncharacter, a parse error in HTML: remove it"),
                    "\(problems)")
        }
    }

    /// A text that declares another encoding is still read as UTF-8, so the rules' byte
    /// offsets stay in the text (and the declaration itself is refused).
    @Test func aDeclaredEncodingDoesNotMoveTheCheck() {
        let text = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + Self.page("<p>" + String(repeating: "é", count: 200) + "<div>b</div></p>")
        let messages = PolyglotCheck.problems(in: text, as: .document).map(\.message)
        #expect(messages.contains { $0.hasPrefix("an XML declaration") }, "\(messages)")
        #expect(messages.contains { $0.hasPrefix("<div> inside <p> ends the <p>") }, "\(messages)")
    }

    @Test func attributesEqualButForCase() {
        let problems = PolyglotCheck.problems(in: Self.page("<p data-a=\"1\" DATA-A=\"2\"></p>"), as: .document)
        #expect(problems.map(\.message).contains("attributes 'data-a' and 'DATA-A' differ only in case: a browser keeps one of them"))
    }

    @Test(arguments: [
        ("<html xmlns=\"http://www.w3.org/1999/xhtml\"></html>", "the document must start with <!DOCTYPE html>"),
        ("<!DOCTYPE html><body></body>", "the root element must be <html xmlns=\"http://www.w3.org/1999/xhtml\">, not <body>"),
        ("<!DOCTYPE html><html></html>", "the root element must be <html xmlns=\"http://www.w3.org/1999/xhtml\">, not <html>"),
        ("<!DOCTYPE html SYSTEM \"about:other\"><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>",
         "the DOCTYPE must be exactly <!DOCTYPE html>, not one naming 'html' or a DTD"),
        ("<!DOCTYPE html [<!ENTITY x \"y\">]><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>",
         "DTD declarations are not allowed: write <!DOCTYPE html> with nothing inside"),
    ])
    func documentRules(text: String, message: String) {
        #expect(PolyglotCheck.problems(in: text, as: .document).map(\.message).contains(message))
    }

    @Test func externalEntitiesAreNeverRead() {
        let text = "<!DOCTYPE html [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><html xmlns=\"http://www.w3.org/1999/xhtml\">&x;</html>"
        let problems = PolyglotCheck.problems(in: text, as: .document)
        #expect(!problems.isEmpty)
        #expect(!problems.map(\.message).joined().contains("root:"))
    }

    @Test func lowercaseDoctypeIsNotWellFormed() throws {
        let problem = try #require(PolyglotCheck.problems(in: "<!doctype html><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>", as: .document).first)
        #expect(problem.isXMLError)
    }

    @Test func fragmentsReportTheirOwnPositions() throws {
        #expect(PolyglotCheck.problems(in: "<dwolla-payin customerid=\"x\"></dwolla-payin>\n<p>ok</p>", as: .fragment) == [])
        let first = try #require(PolyglotCheck.problems(in: "<p id=x></p>", as: .fragment).first)
        #expect(first.line == 1)
        #expect(first.column == 7)
        let unclosed = try #require(PolyglotCheck.problems(in: "<p>\n<b>x</b>\n", as: .fragment).first)
        #expect(unclosed.line == 3)
        #expect(!unclosed.message.contains("dropin-fragment"))
    }
}
