import Foundation

/// `check` and a warm `build` without rendering. When the record's input fingerprint is the one
/// these inputs make, a build would write exactly the files the record lists, with the bytes its
/// digests stand for (verified by libxml2 when they were built), so comparing each file's digest
/// says whether the output is up to date. It answers only "up to date"; on anything else it
/// stands aside, and the full render and compare explains the difference.
public struct QuickCheck: Sendable {
    public struct Verified: Sendable {
        public let folders: OutputFolders
        public let record: OwnershipRecord
        /// What a build would do: nothing; seeded files the user changed are kept.
        public let changes: PerRoot<OutputChanges>
        /// Warnings about the stylesheet, as a full check gives them.
        public let diagnostics: [Diagnostic]
    }

    let manifest: ManifestFile
    let location: ManifestLocation

    init(_ manifest: ManifestFile, at location: ManifestLocation) {
        self.manifest = manifest
        self.location = location
    }

    func verify() -> Verified? {
        guard let hints = ManifestFolders.scan(manifest.data), let privateOutput = hints.effectivePrivateOutput else { return nil }
        let folders = location.outputFolders(public: hints.output, private: privateOutput)
        guard case .file(let data) = folders.private.entry(at: BuildPlan.recordPath),
              let record = OwnershipRecord.parse(data), let fingerprint = record.fingerprint else { return nil }
        let inputs = InputFingerprint(manifestName: ManifestName.shown(manifest.file), manifest: manifest.data,
                                      folders: PerRoot(public: hints.output, private: privateOutput),
                                      templates: hints.templates, at: location)
        guard let digest = inputs.digest, record.sealed(with: digest) == fingerprint else { return nil }
        var diagnostics: [Diagnostic] = []
        var changes = folders.map { root, folder -> OutputChanges in
            let listing = record.files[root]
            let expected = listing.generated.map { OutputComparison.Expected(path: $0.path, ownership: .generated, content: .digest($0.digest)) }
                + listing.seeded.map { OutputComparison.Expected(path: $0.path, ownership: .seeded, content: .digest($0.digest)) }
            let comparison = OutputComparison(expected, in: folder, owned: listing)
            for (file, compared) in zip(expected, comparison.files) where file.ownership == .seeded {
                guard case .differs(let bytes) = compared.found else { continue }
                diagnostics += StylesheetHooks.missing(record.stylesheetHooks, in: String(decoding: bytes, as: UTF8.self),
                                                       path: file.path, folder: folder)
            }
            return OutputChanges(comparison, in: folder)
        }
        // Up to date only if a build would write nothing; anything else is for the full
        // render and compare to explain.
        for (_, rootChanges) in changes.all {
            guard rootChanges.writes.isEmpty, rootChanges.removed.isEmpty, rootChanges.diagnostics.isEmpty else { return nil }
        }
        changes.private.unchanged = (changes.private.unchanged + [BuildPlan.recordPath]).sorted()
        return Verified(folders: folders, record: record, changes: changes, diagnostics: diagnostics)
    }
}
