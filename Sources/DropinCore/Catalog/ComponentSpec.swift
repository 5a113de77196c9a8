/// A client-token action, as Dwolla names it (`customer.fundingsources.read`).
public struct Action: RawRepresentable, Hashable, Comparable, Sendable, Codable,
    ExpressibleByStringLiteral, CustomStringConvertible {
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: Action, rhs: Action) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What an attribute's value must be.
public enum AttributeKind: Hashable, Sendable {
    /// Free text.
    case text
    /// Present or absent; `true` writes it, `false` leaves it out.
    case boolean
    /// A link the component shows (terms, privacy): http or https only.
    case url
    /// A bare UUID, as Dwolla's IDs are.
    case uuid
    /// A decimal amount such as `10.00`.
    case amount
    /// One of a fixed set of values.
    case choice([String])

    /// The kind's name in messages and in `dropin components`.
    public var name: String {
        switch self {
        case .text: "text"
        case .boolean: "boolean"
        case .url: "url"
        case .uuid: "uuid"
        case .amount: "amount"
        case .choice(let values): "one of " + values.joined(separator: ", ")
        }
    }
}

public struct AttributeSpec: Hashable, Sendable {
    public let name: String
    public let kind: AttributeKind
    public let isRequired: Bool
    /// The dwolla-web version that added the attribute, when later than its component.
    public let since: DwollaWebVersion?
    public let note: String?
    /// Made afresh for each page view by the app's server (the pay-in blob and token), so a
    /// value fixed in the manifest is almost surely a mistake.
    public let isPerRequest: Bool

    public init(
        _ name: String, _ kind: AttributeKind = .text, required: Bool = false,
        since: DwollaWebVersion? = nil, perRequest: Bool = false, note: String? = nil
    ) {
        self.name = name
        self.kind = kind
        self.isRequired = required
        self.since = since
        self.isPerRequest = perRequest
        self.note = note
    }
}

/// Actions a component needs only when one of its boolean attributes is set.
public struct ConditionalActions: Hashable, Sendable {
    public let attribute: String
    public let actions: [Action]
}

/// Attributes a component requires only in one of its modes, from some version on
/// (receive-only customer-create needs terms and privacy on 3.x).
public struct ConditionalRequirement: Hashable, Sendable {
    public let attribute: String
    public let value: String
    public let since: DwollaWebVersion
    public let requires: [String]
}

public enum ComponentStatus: Hashable, Sendable {
    case documented
    /// Dwolla no longer documents it: usable, with a warning, and the manifest names its actions.
    case undocumented(since: String)

    public var name: String {
        switch self {
        case .documented: "documented"
        case .undocumented: "undocumented"
        }
    }
}

/// Everything dropin knows about one drop-in component.
public struct ComponentSpec: Hashable, Sendable {
    public let tag: String
    public let summary: String
    public let since: DwollaWebVersion
    public let status: ComponentStatus
    public let attributes: [AttributeSpec]
    /// The client-token actions it requests; nil when Dwolla documents none and the manifest must say.
    public let actions: [Action]?
    public let conditionalActions: [ConditionalActions]
    public let conditionalRequirements: [ConditionalRequirement]
    /// Class and id selectors its shadow DOM exposes to the `styles` stylesheet.
    public let styleHooks: [String]

    public func attribute(named name: String) -> AttributeSpec? {
        attributes.first { $0.name.lowercased() == name.lowercased() }
    }

    /// Every action the component may ask for, whatever its attributes.
    public var allActions: [Action] {
        Array(Set((actions ?? []) + conditionalActions.flatMap(\.actions))).sorted()
    }
}
