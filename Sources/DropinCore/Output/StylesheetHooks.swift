/// Which styling hooks of the components in use a user's stylesheet never mentions. A warning,
/// not an error: leaving a hook unstyled can be a choice, and the file is the user's.
enum StylesheetHooks {
    static func missing(_ hooks: [String], in stylesheet: String, path: String, folder: OutputFolder) -> [Diagnostic] {
        let absent = hooks.filter { !mentions(stylesheet, $0) }
        guard !absent.isEmpty else { return [] }
        return [.warning("missing-style-hooks",
            "\(folder.display(path)) has no rule for \(absent.count) styling hook\(absent.count == 1 ? "" : "s") of the components in use: "
            + absent.joined(separator: ", ") + "; add them (dropin never rewrites this file)",
            at: folder.location(path))]
    }

    /// True when the selector appears as a whole name, not as the start of a longer one.
    static func mentions(_ stylesheet: String, _ selector: String) -> Bool {
        var rest = stylesheet[...]
        while let range = rest.range(of: selector) {
            let next = rest[range.upperBound...].first
            if next.map({ !($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }) ?? true { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}
