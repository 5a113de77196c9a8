import Yams

/// The YAML 1.1 type of a scalar as Yams's default resolver decides it (quoted text stays text,
/// `yes` is a boolean, `~` is null), decided without regular expressions: resolving every
/// scalar of a large manifest through NSRegularExpression was a tenth of a build.
enum ScalarTag {
    static func of(_ node: Node) -> Tag.Name {
        guard case .scalar(let scalar) = node else { return Resolver.default.resolveTag(of: node) }
        // An explicit tag (`!!str 1`) or anything unusual goes to Yams itself.
        guard scalar.tag.description.isEmpty else { return Resolver.default.resolveTag(of: node) }
        guard scalar.style == .plain || scalar.style == .any else { return .str }
        let text = scalar.string
        if text.isEmpty || text == "~" || nulls.contains(text) { return .null }
        if booleans.contains(text) { return .bool }
        guard let first = text.utf8.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+")
                || first == UInt8(ascii: ".") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else { return text.hasPrefix("<<") ? Resolver.default.resolveTag(of: node) : .str }
        // Text that starts like a number: let Yams's own rules (ints, floats, timestamps) decide.
        return Resolver.default.resolveTag(of: node)
    }

    private static let nulls: Set<String> = ["null", "Null", "NULL"]
    private static let booleans: Set<String> = [
        "yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]
}
