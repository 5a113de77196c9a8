import Foundation

/// The committed record of what dropin owns in its two folders (`dropin/owned.json` in the
/// private one): the files it may overwrite and remove, and nothing else; and what lets `check`
/// and a warm `build` skip rendering: each generated file's digest, and a fingerprint of the
/// inputs that made them.
public struct OwnershipRecord: Sendable {
    /// The files dropin owns in one folder, each with the SHA-256 of its bytes, in path order.
    public struct Listing: Sendable {
        /// Written on every build. A record of format 1 has no digests (empty strings).
        public var generated: [(path: String, digest: String)]
        /// Written once, then the user's (the stylesheet): the digest of what dropin seeded.
        public var seeded: [(path: String, digest: String)]

        public static let empty = Listing(generated: [], seeded: [])

        public var generatedPaths: [String] { generated.map(\.path) }
        public var count: Int { generated.count + seeded.count }
    }

    public var files: PerRoot<Listing>
    /// The hooks the stylesheet should style, for checking it without a plan.
    public var stylesheetHooks: [String]
    public var pageCount: Int
    public var componentCount: Int
    /// The `InputFingerprint` of the build that wrote the record, sealed with the record's own
    /// content (`sealed(with:)`), so that an edit to the inputs or to the record shows; nil
    /// when the build had warnings, which only a full check shows again.
    public var fingerprint: String?
    /// Every deployment of the manifest that wrote the record, with its folders as written, so
    /// that a later build can find the folders of one the manifest has dropped.
    public var deployments: [(name: String, folders: PerRoot<String>)] = []

    public static let empty = OwnershipRecord(files: PerRoot(public: .empty, private: .empty), stylesheetHooks: [],
                                              pageCount: 0, componentCount: 0, fingerprint: nil)
    static let formatVersion = 3

    func rendered(comment: String) -> String {
        var object: [String: JSONValue] = [
            "$comment": .string(comment),
            "formatVersion": .int(Self.formatVersion),
            "stylesheetHooks": .array(stylesheetHooks.map(JSONValue.string)),
            "pages": .int(pageCount),
            "components": .int(componentCount),
        ]
        for (root, listing) in files.all {
            object[root.rawValue] = .object(["generated": Self.object(listing.generated), "seeded": Self.object(listing.seeded)])
        }
        if let fingerprint { object["fingerprint"] = .string(fingerprint) }
        if !deployments.isEmpty {
            object["deployments"] = .object(Dictionary(uniqueKeysWithValues: deployments.map { name, folders in
                (name, JSONValue.object(["output": .string(folders.public), "privateOutput": .string(folders.private)]))
            }))
        }
        return JSONValue.object(object).rendered()
    }

    /// The fingerprint for a build whose inputs have this `InputFingerprint`: both bound to
    /// every path, digest, hook and count the record lists.
    func sealed(with inputs: String) -> String {
        var digest = FieldDigest("dropin-record-3")
        digest.add(inputs)
        for (root, listing) in files.all {
            for (name, files) in [("generated", listing.generated), ("seeded", listing.seeded)] {
                digest.add(root.rawValue + " " + name)
                for file in files {
                    digest.add(file.path)
                    digest.add(file.digest)
                }
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

    /// Reads a record of format 3; nil when the text is not one, or names a path that is not
    /// plainly inside its folder, or a private file outside `dropin/`: builds remove what the
    /// record lists, so a record edited to name `../` anything, or a file of the app's own
    /// beside dropin's in a shared private folder, must not be followed.
    static func parse(_ data: Data) -> OwnershipRecord? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              object["formatVersion"] as? Int == formatVersion,
              let publicFiles = listing(object["public"]), let privateFiles = listing(object["private"]),
              (privateFiles.generated + privateFiles.seeded).allSatisfy({ $0.path.hasPrefix("dropin/") }),
              let hooks = object["stylesheetHooks"] as? [String],
              let pages = object["pages"] as? Int, let components = object["components"] as? Int
        else { return nil }
        var record = OwnershipRecord(files: PerRoot(public: publicFiles, private: privateFiles), stylesheetHooks: hooks,
                                     pageCount: pages, componentCount: components, fingerprint: object["fingerprint"] as? String)
        record.deployments = ((object["deployments"] as? [String: Any]) ?? [:]).sorted { $0.key < $1.key }.compactMap { name, value in
            guard let folders = value as? [String: String], let output = folders["output"], let privateOutput = folders["privateOutput"]
            else { return nil }
            return (name, PerRoot(public: output, private: privateOutput))
        }
        return record
    }

    /// Reads the record of a dropin before 0.2 (format 1 or 2), which kept everything, itself
    /// included, in the one output folder: all its files are public ones, the record too, so
    /// that the next build removes whatever now belongs in the private folder.
    static func parseLegacy(_ data: Data) -> OwnershipRecord? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        var listing: Listing
        switch object["formatVersion"] as? Int {
        case 1?:
            guard let generated = object["generated"] as? [String], let seeded = object["seeded"] as? [String] else { return nil }
            listing = Listing(generated: generated.map { ($0, "") }, seeded: seeded.map { ($0, "") })
        case 2?:
            guard let generated = files(object["generated"]), let seeded = files(object["seeded"]) else { return nil }
            listing = Listing(generated: generated, seeded: seeded)
        default:
            return nil
        }
        listing.generated = (listing.generated + [(BuildPlan.recordPath, "")]).sorted { $0.path < $1.path }
        listing.seeded.sort { $0.path < $1.path }
        guard listing.generated.allSatisfy({ RelativePath.problem(in: $0.path) == nil }),
              listing.seeded.allSatisfy({ RelativePath.problem(in: $0.path) == nil }) else { return nil }
        return OwnershipRecord(files: PerRoot(public: listing, private: .empty), stylesheetHooks: [], pageCount: 0,
                               componentCount: 0, fingerprint: nil)
    }

    private static func listing(_ value: Any?) -> Listing? {
        guard let object = value as? [String: Any], let generated = files(object["generated"]),
              let seeded = files(object["seeded"]),
              (generated + seeded).allSatisfy({ RelativePath.problem(in: $0.path) == nil })
        else { return nil }
        return Listing(generated: generated, seeded: seeded)
    }
}

extension OwnershipRecord {
    /// The record of a build's files, given each file's digest, as the file a build writes.
    static func file(listing files: [(RenderedFile, digest: String)], plan: BuildPlan, inputs: String?,
                     deployments: [Manifest.Deployment]) -> RenderedFile {
        func listed(_ root: OutputRoot, _ ownership: PlannedFile.Ownership) -> [(path: String, digest: String)] {
            files.filter { $0.0.root == root && $0.0.ownership == ownership }.map { ($0.0.path, $0.digest) }
                .sorted { $0.path < $1.path }
        }
        let listings = PerRoot { root in Listing(generated: listed(root, .generated), seeded: listed(root, .seeded)) }
        var record = OwnershipRecord(files: listings, stylesheetHooks: plan.stylesheetHooks, pageCount: plan.pageCount,
                                     componentCount: plan.componentCount, fingerprint: nil)
        record.deployments = deployments.map { ($0.name.value, PerRoot(public: $0.output.value, private: $0.privateOutput.value)) }
        record.fingerprint = inputs.map(record.sealed)
        return RenderedFile(root: .private, path: BuildPlan.recordPath, text: record.rendered(comment: plan.header),
                            ownership: .generated, template: nil)
    }
}

extension RenderedFile {
    /// Whether this is the ownership record, which is written after every other file.
    var isRecord: Bool { root == .private && path == BuildPlan.recordPath }
}
