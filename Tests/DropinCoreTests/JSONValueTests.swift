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
    func randomDocumentsAreWrittenAsFoundationWritesThem(seed: UInt64) throws {
        var generator = SplitMix(seed: seed)
        let value = Self.random(depth: 0, &generator)
        #expect(value.rendered() == (try foundation(value)))
    }

    private static func random(depth: Int, _ generator: inout SplitMix) -> JSONValue {
        let text = { (generator: inout SplitMix) -> String in
            String(String.UnicodeScalarView((0..<Int(generator.next() % 6)).map { _ in
                let pool: [UInt32] = [0x0, 0x9, 0x1f, 0x22, 0x2f, 0x41, 0x5c, 0x61, 0x7f, 0xe9, 0x2028, 0x1F600]
                return Unicode.Scalar(pool[Int(generator.next() % UInt64(pool.count))])!
            }))
        }
        switch depth > 3 ? generator.next() % 4 : generator.next() % 6 {
        case 0: return .string(text(&generator))
        case 1: return .int(Int(truncatingIfNeeded: generator.next()))
        case 2: return generator.next() % 2 == 0 ? .bool(generator.next() % 2 == 0) : .null
        case 3: return .string(text(&generator) + text(&generator))
        case 4: return .array((0..<Int(generator.next() % 4)).map { _ in random(depth: depth + 1, &generator) })
        default:
            var members: [String: JSONValue] = [:]
            for _ in 0..<Int(generator.next() % 4) { members[text(&generator)] = random(depth: depth + 1, &generator) }
            return .object(members)
        }
    }
}

/// A small seeded generator, so a failing case can be run again.
struct SplitMix: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
