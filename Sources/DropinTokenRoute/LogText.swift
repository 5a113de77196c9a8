// Text from a request, made safe for a log line: nothing a client sends can start a new line,
// forge a field, or reach a terminal as an escape sequence.

public enum LogText {
    public static let maximumLength = 200

    /// Backslashes, control characters (C0, DEL, C1) and line or paragraph separators as
    /// `\u{..}` escapes, then cut to `maximumLength` code points and `...`. Without
    /// `backslashes`, for a line whose values were escaped already, backslashes stay as they are.
    public static func escaped(_ text: String, backslashes: Bool = true) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x5C where backslashes: result.append(contentsOf: "\\\\".unicodeScalars)
            case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029: result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16))}".unicodeScalars)
            default: result.append(scalar)
            }
        }
        guard result.count > maximumLength else { return String(result) }
        return String(String.UnicodeScalarView(result.prefix(maximumLength))) + "..."
    }

    /// Escaped and in double quotes (a quote inside as `\"`), for a `key=value` log line: no
    /// value can look like a further field.
    public static func quoted(_ text: String) -> String {
        "\"" + escaped(text).replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
