import Yams

/// The YAML 1.1 type of a scalar as Yams's default resolver decides it (quoted text stays text,
/// `yes` is a boolean, `~` is null), decided without regular expressions: resolving every
/// scalar through NSRegularExpression, and merely creating the default resolver (ICU's regular
/// expressions), showed in every build's time (BENCHMARKS.md). The
/// manifest is parsed with Yams's basic resolver, and the default one is asked only about
/// text that starts like a number other than a plain decimal integer.
enum ScalarTag {
    static func of(_ node: Node) -> Tag.Name {
        switch node {
        case .mapping: return .map
        case .sequence: return .seq
        case .scalar(let scalar): return of(scalar, node)
        }
    }

    private static func of(_ scalar: Node.Scalar, _ node: Node) -> Tag.Name {
        // A key Yams has compared is typed by the basic resolver, in place: it is text. So is
        // a scalar tagged `!!str`.
        if scalar.tag.description == Tag.Name.str.rawValue { return .str }
        // Any other explicit tag (`!!int 1`) or anything unusual goes to Yams itself.
        guard scalar.tag.description.isEmpty else { return Resolver.default.resolveTag(of: node) }
        guard scalar.style == .plain || scalar.style == .any else { return .str }
        let text = scalar.string
        if text.isEmpty || text == "~" || nulls.contains(text) { return .null }
        if booleans.contains(text) { return .bool }
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return text.hasPrefix("<<") ? Resolver.default.resolveTag(of: node) : .str }
        if isDecimalInteger(text.utf8) { return .int }
        // Other text that starts like a number: let Yams's own rules (octal, floats, times) decide.
        return Resolver.default.resolveTag(of: node)
    }

    /// `0`, or a digit from 1 to 9 and more digits, with an optional sign: an integer under
    /// every rule of YAML 1.1 (underscores and other forms go to Yams).
    private static func isDecimalInteger(_ text: String.UTF8View) -> Bool {
        var digits = text[...]
        if let first = digits.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { digits = digits.dropFirst() }
        guard let lead = digits.first, digits.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }) else { return false }
        return lead != UInt8(ascii: "0") || digits.count == 1
    }

    private static let nulls: Set<String> = ["null", "Null", "NULL"]
    private static let booleans: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
}
