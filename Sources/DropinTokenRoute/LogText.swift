// Text from a request, made safe for a log line: nothing a client sends can start a new line,
// forge a field, or reach a terminal as an escape sequence.

public enum LogText {
    public static let maximumLength = 200

    /// Backslashes, control characters (C0, DEL, C1) and line or paragraph separators as
    /// `\u{..}` escapes, cut to `maximumLength` characters and then `...`. Without
    /// `backslashes`, for a line whose values were escaped already, backslashes stay as they are.
    public static func escaped(_ text: String, backslashes: Bool = true) -> String {
        var result = ""
        var count = 0
        for scalar in text.unicodeScalars {
            if count >= maximumLength { return result + "..." }
            switch scalar.value {
            case 0x5C where backslashes: result += "\\\\"
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029: result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
            count += 1
        }
        return result
    }
}
