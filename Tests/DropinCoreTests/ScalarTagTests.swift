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

    /// A lookup makes Yams type the matching key with the basic resolver, in place.
    @Test func aLookupChangesNoScalarsType() throws {
        let root = try #require(try Yams.Parser(yaml: "1: 2\nenabled: yes\n", resolver: .basic).singleRoot())
        #expect(root["enabled"] != nil)
        let pairs = try #require(root.mapping)
        #expect(pairs.map { ScalarTag.of($0.key) } == [.int, .str])
        #expect(pairs.map { ScalarTag.of($0.value) } == [.int, .bool])
    }

    @Test func quotedScalarsAreText() {
        #expect(ScalarTag.of(Node("1", Tag(.implicit, .basic, .default), .doubleQuoted)) == .str)
    }
}
