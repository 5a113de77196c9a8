@testable import DropinCore
import Testing

/// Each escaper works on what the text is made of, not on Characters: a `<` followed by a
/// combining mark is one Character, and still a `<` to a browser.
struct ContentTypeTests {
    @Test func htmlEscapesEveryMarkupCharacter() {
        #expect(HTMLContentType().escapeText("<\u{301}a href='x' & \"y\">") ==
                "&lt;\u{301}a href=&#39;x&#39; &amp; &quot;y&quot;&gt;")
        #expect(HTMLContentType().escapeText("plain é") == "plain é")
    }

    @Test func javaScriptMakesOneStringLiteral() {
        #expect(JavaScriptContentType().escapeText("</script\u{301}>\"\n\u{2028}") ==
                "\"\\u003c/script\u{301}\\u003e\\\"\\n\\u2028\"")
    }

    @Test func cssClosesNoCommentAndNoStyleElement() {
        #expect(CSSContentType().escapeText("a */\u{301} b </style\u{301}>") == "a * /\u{301} b \\3c /style\u{301}>")
        #expect(CSSContentType().escapeText("**/ / * <") == "** / / * \\3c ")
    }
}
