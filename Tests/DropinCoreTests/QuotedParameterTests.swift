@testable import DropinCore
import Testing

/// A parameter the user quoted (`"{param: name}"`) is recognised on bytes; the regular
/// expression it replaced, for speed, is the oracle here.
struct QuotedParameterTests {
    @Test(arguments: [
        "{param: customerId}", "{param:c}", "{ param : c_1 }", "{\tparam:\nx}", "{param: _}", "{param: 1c}",
        "{param: c", "param: c}", "{params: c}", "{param c}", "{param: c d}", "{param: c}x", " {param: c}",
        "{param: é}", "{}", "", "{param: }", "{PARAM: c}", "{param: c-d}", "{param:\u{0b}c}", "{param:\u{a0}c}", "{param:\u{2028}c\u{3000}}", "{\u{85}param: c}",
    ])
    func recognisedExactlyAsTheRegularExpressionDoes(_ text: String) {
        let oracle = /\{\s*param\s*:\s*[A-Za-z_][A-Za-z0-9_]*\s*\}/
        #expect(AttributeValueRules.isQuotedParameter(text) == (text.wholeMatch(of: oracle) != nil))
    }
}
