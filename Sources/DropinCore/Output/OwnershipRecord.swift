import Foundation

/// The committed list of files dropin owns in the output folder (`dropin/owned.json`): what it
/// may overwrite and remove, and nothing else.
public struct OwnershipRecord: Equatable, Sendable {
    /// Written on every build.
    public var generated: [String]
    /// Written once, then the user's (the stylesheet).
    public var seeded: [String]

    public static let empty = OwnershipRecord(generated: [], seeded: [])

    func rendered(comment: String) -> String {
        JSONValue.object([
            "$comment": .string(comment),
            "formatVersion": .int(1),
            "generated": .array(generated.map(JSONValue.string)),
            "seeded": .array(seeded.map(JSONValue.string)),
        ]).rendered()
    }

    /// Reads a record; nil when the text is not one.
    static func parse(_ data: Data) -> OwnershipRecord? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["formatVersion"] as? Int == 1,
              let generated = object["generated"] as? [String],
              let seeded = object["seeded"] as? [String] else { return nil }
        return OwnershipRecord(generated: generated, seeded: seeded)
    }
}
