/// Literal text in a snippet that an app's own template engine renders: escaped for HTML, and
/// with every character that could open a Jinja, Mustache, ERB or EJS tag (`{`, `}`, `%`; `<`
/// is already a reference) written as a character reference, which the browser reads as the
/// character and no engine reads as markup of its own. `{{7*7}}` stays `{{7*7}}` on the page.
enum SnippetText {
    static func literal(_ text: String) -> String {
        var escaped = ""
        for scalar in HTMLContentType().escapeText(text).unicodeScalars {
            switch scalar {
            case "{": escaped += "&#123;"
            case "}": escaped += "&#125;"
            case "%": escaped += "&#37;"
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
