import Foundation

/// A JSON document built in code, written with sorted keys so it is byte-identical in every run.
public indirect enum JSONValue: Equatable, Sendable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    /// Pretty-printed as Foundation's JSONEncoder writes it with `.prettyPrinted`, `.sortedKeys`
    /// and `.withoutEscapingSlashes` (keys in UTF-8 byte order, `"key" : value`, two spaces a
    /// level), ending in a newline. Written directly: the encoder sorts keys as Strings, slowly
    /// for a record of thousands of files (BENCHMARKS.md).
    public func rendered() -> String {
        var output: [UInt8] = []
        write(to: &output, indent: 0)
        output.append(UInt8(ascii: "\n"))
        return String(decoding: output, as: UTF8.self)
    }

    private func write(to output: inout [UInt8], indent: Int) {
        switch self {
        case .string(let text): Self.write(text, to: &output)
        case .int(let number): output.append(contentsOf: String(number).utf8)
        case .bool(let flag): output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .null: output.append(contentsOf: "null".utf8)
        case .array(let items):
            Self.writeCollection(items, open: "[", close: "]", to: &output, indent: indent) { item, output in
                item.write(to: &output, indent: indent + 2)
            }
        case .object(let members):
            let sorted = members.map { (key: Array($0.key.utf8), value: $0.value) }.sorted { Self.precedes($0.key, $1.key) }
            Self.writeCollection(sorted, open: "{", close: "}", to: &output, indent: indent) { member, output in
                Self.write(member.key, to: &output)
                output.append(contentsOf: " : ".utf8)
                member.value.write(to: &output, indent: indent + 2)
            }
        }
    }

    private static func writeCollection<Element>(_ elements: [Element], open: Unicode.Scalar, close: Unicode.Scalar,
                                                 to output: inout [UInt8], indent: Int,
                                                 _ writeElement: (Element, inout [UInt8]) -> Void) {
        output.append(UInt8(ascii: open))
        output.append(UInt8(ascii: "\n"))
        // Foundation leaves an empty line inside an empty collection.
        if elements.isEmpty { output.append(UInt8(ascii: "\n")) }
        for (index, element) in elements.enumerated() {
            if index > 0 { output.append(contentsOf: ",\n".utf8) }
            output += repeatElement(UInt8(ascii: " "), count: indent + 2)
            writeElement(element, &output)
        }
        if !elements.isEmpty { output.append(UInt8(ascii: "\n")) }
        output += repeatElement(UInt8(ascii: " "), count: indent)
        output.append(UInt8(ascii: close))
    }

    /// UTF-8 byte order, as Foundation sorts keys; compared a block at a time, as the record's
    /// ten thousand paths share long prefixes.
    private static func precedes(_ left: [UInt8], _ right: [UInt8]) -> Bool {
        let common = min(left.count, right.count)
        let order = common == 0 ? 0 : left.withUnsafeBytes { left in
            right.withUnsafeBytes { right in memcmp(left.baseAddress!, right.baseAddress!, common) }
        }
        return order == 0 ? left.count < right.count : order < 0
    }

    private static func write(_ text: String, to output: inout [UInt8]) {
        write(text.utf8, to: &output)
    }

    private static func write(_ text: some Sequence<UInt8>, to output: inout [UInt8]) {
        output.append(UInt8(ascii: "\""))
        for byte in text {
            switch byte {
            case UInt8(ascii: "\""): output.append(contentsOf: #"\""#.utf8)
            case UInt8(ascii: "\\"): output.append(contentsOf: #"\\"#.utf8)
            case UInt8(ascii: "\n"): output.append(contentsOf: #"\n"#.utf8)
            case UInt8(ascii: "\r"): output.append(contentsOf: #"\r"#.utf8)
            case UInt8(ascii: "\t"): output.append(contentsOf: #"\t"#.utf8)
            case 0x08: output.append(contentsOf: #"\b"#.utf8)
            case 0x0C: output.append(contentsOf: #"\f"#.utf8)
            case ..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                output += Array(#"\u00"#.utf8) + [hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            default: output.append(byte)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}
