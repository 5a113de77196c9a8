import Foundation
import Mustache

/// `{{name}}` in a JavaScript template: a complete string literal, quotes included, that no
/// value can break out of: not with a quote, a line break, nor `</script>`.
struct JavaScriptContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\r": literal += "\\r"
            case "\t": literal += "\\t"
            case "<", ">", "&", "'", "\u{2028}", "\u{2029}":
                literal += unicodeEscape(scalar)
            default:
                literal += scalar.value < 0x20 || scalar.value == 0x7F ? unicodeEscape(scalar) : String(scalar)
            }
        }
        return literal + "\""
    }

    private func unicodeEscape(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
    }
}

/// `{{name}}` in a stylesheet, where values sit in comments and selectors: nothing can close
/// the comment, or the `<style>` element a stylesheet may be pasted into. On UTF-8 bytes, as
/// replacing Characters missed a `/` or `<` followed by a combining mark.
struct CSSContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        var escaped: [UInt8] = []
        var previous: UInt8 = 0
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "/") where previous == UInt8(ascii: "*"): escaped += Array(" /".utf8)
            case UInt8(ascii: "<"): escaped += Array("\\3c ".utf8)
            default: escaped.append(byte)
            }
            previous = byte
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}

/// `{{name}}` in HTML, text or a quoted attribute: `<`, `>`, `&`, `"` and `'` as references.
/// Mustache's own escaper compares whole Characters, so a `<` followed by a combining mark went
/// through unescaped, and it was a fifth of a build; this one works on UTF-8 bytes.
struct HTMLContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 }) else {
            return text
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case 0x3C: escaped += Array("&lt;".utf8)
            case 0x3E: escaped += Array("&gt;".utf8)
            case 0x26: escaped += Array("&amp;".utf8)
            case 0x22: escaped += Array("&quot;".utf8)
            case 0x27: escaped += Array("&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        return String(decoding: escaped, as: UTF8.self)
    }
}

enum ContentTypes {
    /// Registers dropin's content types with Mustache once per process. "HTML" replaces
    /// Mustache's own, for templates that name it (all of dropin's HTML templates do).
    static let registered: Void = {
        MustacheContentTypes.register(HTMLContentType(), named: "HTML")
        MustacheContentTypes.register(JavaScriptContentType(), named: "JS")
        MustacheContentTypes.register(CSSContentType(), named: "CSS")
    }()
}
