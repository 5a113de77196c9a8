import Yams

/// A YAML document built in code, in key order, turned into Yams nodes with every tag given.
/// Yams's default tags carry its default resolver, whose regular expressions (and ICU with
/// them) take longer to start than the rest of a small build's YAML work; an emitter given the
/// tags needs no resolving.
indirect enum YAMLValue: ExpressibleByStringLiteral {
    case text(String)
    /// Text YAML would otherwise read as something else (`"200"`).
    case quoted(String)
    case bool(Bool)
    case int(Int)
    case list([YAMLValue])
    case map([(YAMLValue, YAMLValue)])

    init(stringLiteral value: String) {
        self = .text(value)
    }

    var node: Node {
        switch self {
        case .text(let text): Node(text, Self.tag(.str))
        case .quoted(let text): Node(text, Self.tag(.str), .doubleQuoted)
        case .bool(let value): Node(value ? "true" : "false", Self.tag(.bool))
        case .int(let value): Node(String(value), Self.tag(.int))
        case .list(let items): .sequence(Node.Sequence(items.map(\.node), Self.tag(.seq)))
        case .map(let pairs): .mapping(Node.Mapping(pairs.map { ($0.0.node, $0.1.node) }, Self.tag(.map)))
        }
    }

    private static func tag(_ name: Tag.Name) -> Tag {
        Tag(name, .basic, .default)
    }
}
