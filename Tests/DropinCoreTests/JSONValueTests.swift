import DropinCore
import Foundation
import Testing

/// dropin writes JSON itself; Foundation's encoder, with the options dropin used before, is the
/// oracle for every byte.
struct JSONValueTests {
    /// JSONValue as Foundation encodes it.
    private struct Encoded: Encodable {
        let value: JSONValue

        func encode(to encoder: Encoder) throws {
            var container = encoder.singleValueContainer()
            switch value {
            case .string(let text): try container.encode(text)
            case .int(let number): try container.encode(number)
            case .bool(let flag): try container.encode(flag)
            case .array(let items): try container.encode(items.map(Encoded.init))
            case .object(let members): try container.encode(members.mapValues(Encoded.init))
            case .null: try container.encodeNil()
            }
        }
    }

    private func foundation(_ value: JSONValue) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(Encoded(value: value)), as: UTF8.self) + "\n"
    }

    static let texts = ["", "plain", "q\"uote", "back\\slash", "a/b", "line\nbreak\r\t", "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
                        "é ü 😀 \u{2028}", "<>&'", "$comment", "B", "_", "Z"]

    @Test func everyKindOfValueIsWrittenAsFoundationWritesIt() throws {
        let value = JSONValue.object([
            "texts": .array(Self.texts.map(JSONValue.string)),
            "keys": .object(Dictionary(uniqueKeysWithValues: Self.texts.enumerated().map { ($1, .int($0 - 3)) })),
            "empty list": .array([]), "empty object": .object([:]),
            "nested": .array([.array([]), .object([:]), .array([.null, .bool(true), .bool(false)])]),
            "numbers": .array([.int(0), .int(-1), .int(Int.max), .int(Int.min)]),
        ])
        #expect(value.rendered() == (try foundation(value)))
        for top in [JSONValue.string("x"), .int(7), .array([]), .object([:]), .null] {
            #expect(top.rendered() == (try foundation(top)))
        }
    }

    @Test(arguments: 0..<50)
    func randomDocumentsAreWrittenAsFoundationWritesThem(seed: Int) throws {
        var generator = PropertyTests.Generator(state: UInt64(seed) &+ 20_261_129)
        let value = Self.random(depth: 0, &generator)
        #expect(value.rendered() == (try foundation(value)), "seed \(seed)")
    }

    private static func random(depth: Int, _ generator: inout PropertyTests.Generator) -> JSONValue {
        func text(_ generator: inout PropertyTests.Generator) -> String {
            let pool: [UInt32] = [0x0, 0x9, 0x1f, 0x22, 0x2f, 0x41, 0x5c, 0x61, 0x7f, 0xe9, 0x2028, 0x1F600]
            return String(String.UnicodeScalarView((0..<generator.next(6)).map { _ in Unicode.Scalar(generator.pick(pool))! }))
        }
        switch generator.next(depth > 3 ? 4 : 6) {
        case 0: return .string(text(&generator))
        case 1: return .int(generator.next(2_000_001) - 1_000_000)
        case 2: return generator.next(2) == 0 ? .bool(generator.next(2) == 0) : .null
        case 3: return .string(text(&generator) + text(&generator))
        case 4: return .array((0..<generator.next(4)).map { _ in random(depth: depth + 1, &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<generator.next(4) { members[text(&generator)] = random(depth: depth + 1, &generator) }
            return .object(members)
        }
    }
}
