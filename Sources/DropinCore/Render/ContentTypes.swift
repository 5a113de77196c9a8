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
/// the comment, or the `<style>` element a stylesheet may be pasted into.
struct CSSContentType: MustacheContentType {
    func escapeText(_ text: String) -> String {
        text.replacingOccurrences(of: "*/", with: "* /").replacingOccurrences(of: "<", with: "\\3c ")
    }
}

enum ContentTypes {
    /// Registers dropin's content types with Mustache once per process.
    static let registered: Void = {
        MustacheContentTypes.register(JavaScriptContentType(), named: "JS")
        MustacheContentTypes.register(CSSContentType(), named: "CSS")
    }()
}
