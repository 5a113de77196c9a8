/// Finds nesting so deep that parsing it would exhaust the stack: libyaml and Yams recurse once
/// per level, and a few kilobytes of `[[[[` would crash dropin instead of earning a diagnostic.
/// A manifest needs seven levels; anything past `maximumDepth` is refused before parsing.
enum NestingGuard {
    static let maximumDepth = 64
    /// The bytes after which a YAML value, and so a quoted scalar, can start.
    private static let valueStarts = Set(" \t[{,:-".utf8)

    /// Where the nesting first passes the limit, or nil. Counts flow brackets outside quotes and
    /// comments, and block indentation by columns (four a level, generously).
    static func tooDeep(_ text: String, file: String) -> SourceLocation? {
        var text = text
        return text.withUTF8 { tooDeep($0, file: file) }
    }

    private static func tooDeep(_ bytes: UnsafeBufferPointer<UInt8>, file: String) -> SourceLocation? {
        var depth = 0, line = 1, column = 0
        var quote: UInt8?
        var inComment = false, atLineStart = true, indentation = 0
        var previous: UInt8 = 0x20
        for byte in bytes {
            column += 1
            if byte == 0x0A {
                line += 1
                column = 0
                inComment = false
                atLineStart = true
                indentation = 0
                // Quotes end with their line here, though YAML lets them run on: a stray
                // apostrophe must not hide the brackets after it. The cost is counting brackets
                // inside a quoted text that spans lines, which no manifest has sixty-four of.
                quote = nil
                previous = 0x20
                continue
            }
            if atLineStart {
                if byte == 0x20 || byte == 0x2D {  // spaces and "- " both open a level
                    indentation += 1
                    if indentation > maximumDepth * 4 { return SourceLocation(file: file, line: line, column: column) }
                    previous = byte
                    continue
                }
                atLineStart = false
            }
            if inComment { continue }
            if let open = quote {
                if byte == open { quote = nil }
                previous = byte
                continue
            }
            switch byte {
            // A quote opens a quoted scalar only where a value can start, not in "Dwolla's".
            case 0x22 where Self.valueStarts.contains(previous), 0x27 where Self.valueStarts.contains(previous):
                quote = byte
            case 0x23 where previous == 0x20 || previous == 0x09: inComment = true
            case 0x5B, 0x7B:
                depth += 1
                if depth > maximumDepth { return SourceLocation(file: file, line: line, column: column) }
            case 0x5D, 0x7D: depth = max(0, depth - 1)
            default: break
            }
            previous = byte
        }
        return nil
    }
}
