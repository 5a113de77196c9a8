/// The structure a YAML document must have: its keys, their types and allowed values.
/// One description drives both the structural check of a manifest and the JSON Schema that
/// editors use, so the two cannot drift apart.
public struct Shape: Sendable {
    public indirect enum Kind: Sendable {
        case string(choices: [String]?)
        case integer(choices: [Int]?)
        case boolean
        case number
        case object(ObjectShape)
        /// A mapping with keys of the user's choosing, every value of one shape.
        case dictionary(Shape)
        case array(Shape, minItems: Int)
        /// Alternatives told apart by the kind of YAML node (text, mapping, list).
        case oneOf([Shape])
    }

    public let kind: Kind
    public let summary: String?

    public init(_ kind: Kind, _ summary: String? = nil) {
        self.kind = kind
        self.summary = summary
    }

    public static func string(_ summary: String? = nil, choices: [String]? = nil) -> Shape {
        Shape(.string(choices: choices), summary)
    }
    public static func integer(_ summary: String? = nil, choices: [Int]? = nil) -> Shape {
        Shape(.integer(choices: choices), summary)
    }
    public static func boolean(_ summary: String? = nil) -> Shape { Shape(.boolean, summary) }
    public static func number(_ summary: String? = nil) -> Shape { Shape(.number, summary) }
    public static func object(_ summary: String? = nil, _ fields: [Field], refinements: [Refinement] = []) -> Shape {
        Shape(.object(ObjectShape(fields: fields, refinements: refinements)), summary)
    }
    public static func dictionary(_ summary: String? = nil, of value: Shape) -> Shape {
        Shape(.dictionary(value), summary)
    }
    public static func array(_ summary: String? = nil, of item: Shape, minItems: Int = 0) -> Shape {
        Shape(.array(item, minItems: minItems), summary)
    }
    public static func oneOf(_ summary: String? = nil, _ alternatives: [Shape]) -> Shape {
        Shape(.oneOf(alternatives), summary)
    }

    /// How messages name what was expected.
    public var expectation: String {
        switch kind {
        case .string(let choices?) where choices.count > 4:
            return "one of " + choices.prefix(3).joined(separator: ", ") + " and \(choices.count - 3) more"
        case .string(let choices?): return "one of " + choices.joined(separator: ", ")
        case .string: return "text"
        case .integer(let choices?): return "one of " + choices.map(String.init).joined(separator: ", ")
        case .integer: return "a whole number"
        case .boolean: return "true or false"
        case .number: return "a number"
        case .object(let object):
            let keys = object.fields.map(\.name)
            return keys.count == 1 ? "{\(keys[0]): ...}" : "a mapping"
        case .dictionary: return "a mapping"
        case .array: return "a list"
        case .oneOf(let alternatives):
            let names = alternatives.map(\.expectation)
            return names.dropLast().joined(separator: ", ") + " or " + names.last!
        }
    }
}

public struct ObjectShape: Sendable {
    public let fields: [Field]
    /// Extra constraints editors get through the JSON Schema; dropin's own rules check the same
    /// things with better messages.
    public let refinements: [Refinement]

    public func field(named name: String) -> Field? {
        fields.first { $0.name == name }
    }
}

public struct Field: Sendable {
    public let name: String
    public let shape: Shape
    public let isRequired: Bool
    /// The value used when the key is absent, as JSON Schema's `default`.
    public let defaultValue: String?

    public init(_ name: String, _ shape: Shape, required: Bool = false, default defaultValue: String? = nil) {
        self.name = name
        self.shape = shape
        self.isRequired = required
        self.defaultValue = defaultValue
    }
}

/// "When `key` is `value`, field `field` must have these keys": JSON Schema's if/then.
public struct Refinement: Sendable {
    public let key: String
    public let value: String
    public let field: String
    public let allowedKeys: [String: Shape]
    public let requiredKeys: [String]
}
