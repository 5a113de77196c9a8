import Foundation

/// The committed record of what dropin owns in the output folder (`dropin/owned.json`): the
/// files it may overwrite and remove, and nothing else; and what lets `check` and a warm `build`
/// skip rendering: each generated file's digest, and a fingerprint of the inputs that made them.
public struct OwnershipRecord: Sendable {
    /// Written on every build: path and SHA-256 of the bytes written, in path order. A record
    /// of format 1 has no digests (empty strings).
    public var generated: [(path: String, digest: String)]
    /// Written once, then the user's (the stylesheet): path and SHA-256 of what dropin seeds.
    public var seeded: [(path: String, digest: String)]
    /// The hooks the stylesheet should style, for checking it without a plan.
    public var stylesheetHooks: [String]
    public var pageCount: Int
    public var componentCount: Int
    /// The `InputFingerprint` of the build that wrote the record, sealed with the record's own
    /// content (`sealed(with:)`), so that an edit to the inputs or to the record shows; nil
    /// when the build had warnings, which only a full check shows again.
    public var fingerprint: String?

    public static let empty = OwnershipRecord(generated: [], seeded: [], stylesheetHooks: [], pageCount: 0,
                                              componentCount: 0, fingerprint: nil)
    static let formatVersion = 2

    public var generatedPaths: [String] { generated.map(\.path) }
    public var seededPaths: [String] { seeded.map(\.path) }

    func rendered(comment: String) -> String {
        var object: [String: JSONValue] = [
            "$comment": .string(comment),
            "formatVersion": .int(Self.formatVersion),
            "generated": Self.object(generated),
            "seeded": Self.object(seeded),
            "stylesheetHooks": .array(stylesheetHooks.map(JSONValue.string)),
            "pages": .int(pageCount),
            "components": .int(componentCount),
        ]
        if let fingerprint { object["fingerprint"] = .string(fingerprint) }
        return JSONValue.object(object).rendered()
    }

    /// The fingerprint for a build whose inputs have this `InputFingerprint`: both bound to
    /// every path, digest, hook and count the record lists.
    func sealed(with inputs: String) -> String {
        var digest = FieldDigest("dropin-record-2")
        digest.add(inputs)
        for (name, files) in [("generated", generated), ("seeded", seeded)] {
            digest.add(name)
            for file in files {
                digest.add(file.path)
                digest.add(file.digest)
            }
        }
        digest.add("stylesheetHooks")
        for hook in stylesheetHooks { digest.add(hook) }
        digest.add("\(pageCount) pages, \(componentCount) components")
        return digest.finalize()
    }

    /// The record's text without its fingerprint. A fingerprint from other inputs (a newer
    /// dropin, say) only keeps `check` from skipping the render: when everything else is the
    /// same, the output is up to date, and the next build writes the new fingerprint.
    public static func apartFromFingerprint(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("  \"fingerprint\" : ") }
            .joined(separator: "\n")
    }

    private static func object(_ files: [(path: String, digest: String)]) -> JSONValue {
        .object(Dictionary(uniqueKeysWithValues: files.map { ($0.path, JSONValue.string($0.digest)) }))
    }

    private static func files(_ value: Any?) -> [(path: String, digest: String)]? {
        guard let digests = value as? [String: String] else { return nil }
        return digests.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Reads a record of format 2, or of format 1 (a list of paths); nil when the text is
    /// neither, or names a path that is not plainly inside the output folder: builds remove
    /// what the record lists, so a record edited to name `../` anything must not be followed.
    static func parse(_ data: Data) -> OwnershipRecord? {
        guard let record = decode(data),
              (record.generatedPaths + record.seededPaths).allSatisfy({ RelativePath.problem(in: $0) == nil })
        else { return nil }
        return record
    }

    private static func decode(_ data: Data) -> OwnershipRecord? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        switch object["formatVersion"] as? Int {
        case 1?:
            guard let generated = object["generated"] as? [String], let seeded = object["seeded"] as? [String] else { return nil }
            return OwnershipRecord(generated: generated.sorted().map { ($0, "") }, seeded: seeded.sorted().map { ($0, "") },
                                   stylesheetHooks: [], pageCount: 0, componentCount: 0, fingerprint: nil)
        case formatVersion?:
            guard let generated = files(object["generated"]), let seeded = files(object["seeded"]),
                  let hooks = object["stylesheetHooks"] as? [String],
                  let pages = object["pages"] as? Int, let components = object["components"] as? Int
            else { return nil }
            return OwnershipRecord(generated: generated, seeded: seeded, stylesheetHooks: hooks, pageCount: pages,
                                   componentCount: components, fingerprint: object["fingerprint"] as? String)
        default:
            return nil
        }
    }
}

extension OwnershipRecord {
    /// The record of a build's files, given each file's digest, as the file a build writes.
    static func file(listing files: [(RenderedFile, digest: String)], plan: BuildPlan, inputs: String?) -> RenderedFile {
        func listed(_ ownership: PlannedFile.Ownership) -> [(path: String, digest: String)] {
            files.filter { $0.0.ownership == ownership }.map { ($0.0.path, $0.digest) }.sorted { $0.path < $1.path }
        }
        var record = OwnershipRecord(generated: listed(.generated), seeded: listed(.seeded), stylesheetHooks: plan.stylesheetHooks,
                                     pageCount: plan.pageCount, componentCount: plan.componentCount, fingerprint: nil)
        record.fingerprint = inputs.map(record.sealed)
        return RenderedFile(path: BuildPlan.recordPath, text: record.rendered(comment: plan.header), ownership: .generated,
                            template: nil)
    }
}
