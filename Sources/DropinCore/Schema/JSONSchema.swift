/// Writes a `Shape` as a JSON Schema (draft-07, which editors' YAML support reads).
public enum JSONSchema {
    public static func document(for shape: Shape, title: String) -> JSONValue {
        guard case .object(var root) = schema(for: shape) else { return schema(for: shape) }
        root["$schema"] = .string("http://json-schema.org/draft-07/schema#")
        root["title"] = .string(title)
        return .object(root)
    }

    static func schema(for shape: Shape, default defaultValue: String? = nil) -> JSONValue {
        var schema: [String: JSONValue] = [:]
        switch shape.kind {
        case .string(let choices):
            schema["type"] = .string("string")
            if let choices { schema["enum"] = .array(choices.map(JSONValue.string)) }
        case .integer(let choices):
            schema["type"] = .string("integer")
            if let choices { schema["enum"] = .array(choices.map(JSONValue.int)) }
        case .boolean:
            schema["type"] = .string("boolean")
        case .number:
            schema["type"] = .string("number")
        case .object(let object):
            schema.merge(self.object(object)) { $1 }
        case .dictionary(let value):
            schema["type"] = .string("object")
            schema["additionalProperties"] = self.schema(for: value)
        case .array(let item, let minItems):
            schema["type"] = .string("array")
            schema["items"] = self.schema(for: item)
            if minItems > 0 { schema["minItems"] = .int(minItems) }
        case .oneOf(let alternatives):
            schema["anyOf"] = .array(alternatives.map { self.schema(for: $0) })
        }
        if let summary = shape.summary { schema["description"] = .string(summary) }
        if let defaultValue { schema["default"] = .string(defaultValue) }
        return .object(schema)
    }

    private static func object(_ object: ObjectShape) -> [String: JSONValue] {
        var schema: [String: JSONValue] = [
            "type": .string("object"),
            "additionalProperties": .bool(false),
            "properties": .object(Dictionary(uniqueKeysWithValues: object.fields.map {
                ($0.name, self.schema(for: $0.shape, default: $0.defaultValue))
            })),
        ]
        let required = object.fields.filter(\.isRequired).map(\.name)
        if !required.isEmpty { schema["required"] = .array(required.map(JSONValue.string)) }
        if !object.refinements.isEmpty { schema["allOf"] = .array(object.refinements.map(refinement)) }
        return schema
    }

    private static func refinement(_ refinement: Refinement) -> JSONValue {
        var field: [String: JSONValue] = [
            "additionalProperties": .bool(false),
            "properties": .object(refinement.allowedKeys.mapValues { self.schema(for: $0) }),
        ]
        if !refinement.requiredKeys.isEmpty {
            field["required"] = .array(refinement.requiredKeys.map(JSONValue.string))
        }
        var then: [String: JSONValue] = ["properties": .object([refinement.field: .object(field)])]
        if !refinement.requiredKeys.isEmpty { then["required"] = .array([.string(refinement.field)]) }
        return .object([
            "if": .object([
                "properties": .object([refinement.key: .object(["const": .string(refinement.value)])]),
                "required": .array([.string(refinement.key)]),
            ]),
            "then": .object(then),
        ])
    }
}
