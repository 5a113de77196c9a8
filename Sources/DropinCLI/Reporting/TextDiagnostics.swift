import DropinCore

/// Diagnostics for people and editors: `file:line:col: error: message`, then the source line
/// with a caret under the column.
struct TextDiagnostics {
    let colors: Bool
    /// Looks up the source line a location points at, when dropin has that file's text.
    let sourceLine: (SourceLocation) -> String?

    func render(_ diagnostic: Diagnostic) -> String {
        let severity = diagnostic.severity == .error
            ? paint("error:", "1;31") : paint("warning:", "1;33")
        let place = diagnostic.location.map { "\($0): " } ?? ""
        let keyPath = diagnostic.keyPath.map { " [\($0)]" } ?? ""
        var text = paint(place, "1") + severity + " " + paint(diagnostic.message, "1") + keyPath + "\n"
        if let location = diagnostic.location, let line = sourceLine(location) {
            text += snippet(line: line, number: location.line, column: location.column)
        }
        return text
    }

    private func snippet(line: String, number: Int, column: Int) -> String {
        let gutter = String(number)
        let pad = String(repeating: " ", count: gutter.count)
        // Keep tabs as tabs so the caret lines up however the terminal shows them.
        let lead = line.unicodeScalars.prefix(max(0, column - 1)).map { $0 == "\t" ? "\t" : " " }.joined()
        return " \(gutter) | \(line)\n \(pad) | \(lead)\(paint("^", "1;32"))\n"
    }

    private func paint(_ text: String, _ code: String) -> String {
        colors && !text.isEmpty ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
