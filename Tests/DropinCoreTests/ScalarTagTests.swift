@testable import DropinCore
import Testing
import Yams

/// The manifest is parsed with Yams's basic resolver; `ScalarTag` must type every plain scalar
/// as Yams's default resolver would, or values would change meaning.
struct ScalarTagTests {
    static let samples = [
        "0", "1", "42", "-1", "+5", "-0", "00", "007", "08", "09", "1_000", "0x1F", "0b101", "0o7", "1.5", "1e3",
        "1.0e+3", "1:30", "190:20:30", "2001-12-14", "2001-12-14t21:59:43.10-05:00", ".5", ".inf", "-.Inf", ".nan",
        "3.0.0", "2.2.2", "12abc", "1.", "-", "+", "-x", "yes", "No", "on", "OFF", "true", "~", "null", "", "text",
        "<<", "a: b", "123456789012345678901234567890",
    ]

    @Test(arguments: samples)
    func plainScalarsGetTheDefaultResolversType(text: String) throws {
        let basic = Node(text, Tag(.implicit, .basic, .default), .plain)
        let expected = Resolver.default.resolveTag(of: Node(text, Tag(.implicit), .plain))
        #expect(ScalarTag.of(basic) == expected, "\(text)")
    }

    @Test func quotedScalarsAreText() {
        #expect(ScalarTag.of(Node("1", Tag(.implicit, .basic, .default), .doubleQuoted)) == .str)
    }
}
