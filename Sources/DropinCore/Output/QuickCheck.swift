import Foundation

/// `check` and a warm `build` without rendering. When the record's input fingerprint is the one
/// these inputs make, a build would write exactly the files the record lists, with the bytes its
/// digests stand for (verified by libxml2 when they were built), so comparing each file's digest
/// says whether the output is up to date. It answers only "up to date"; on anything else it
/// stands aside, and the full render and compare explains the difference.
public struct QuickCheck: Sendable {
    public struct Verified: Sendable {
        public let folder: OutputFolder
        public let record: OwnershipRecord
        /// What a build would do: nothing; seeded files the user changed are kept.
        public let changes: OutputChanges
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
        guard let folders = ManifestFolders.scan(manifest.data) else { return nil }
        let folder = location.outputFolder(folders.output)
        guard case .file(let data) = folder.entry(at: BuildPlan.recordPath),
              let record = OwnershipRecord.parse(data), let fingerprint = record.fingerprint else { return nil }
        let inputs = InputFingerprint(manifestName: ManifestName.shown(manifest.file), manifest: manifest.data,
                                      output: folders.output, templates: folders.templates, at: location)
        guard let digest = inputs.digest, record.sealed(with: digest) == fingerprint else { return nil }
        let expected = record.generated.map { OutputComparison.Expected(path: $0.path, ownership: .generated, content: .digest($0.digest)) }
            + record.seeded.map { OutputComparison.Expected(path: $0.path, ownership: .seeded, content: .digest($0.digest)) }
        let comparison = OutputComparison(expected, in: folder, record: record)
        var changes = OutputChanges(comparison, in: folder)
        // Up to date only if a build would write nothing; anything else is for the full
        // render and compare to explain.
        guard changes.writes.isEmpty, changes.removed.isEmpty, changes.diagnostics.isEmpty else { return nil }
        changes.unchanged = (changes.unchanged + [BuildPlan.recordPath]).sorted()
        let diagnostics = zip(expected, comparison.files).flatMap { file, compared -> [Diagnostic] in
            guard file.ownership == .seeded, case .differs(let bytes) = compared.found else { return [] }
            return StylesheetHooks.missing(record.stylesheetHooks, in: String(decoding: bytes, as: UTF8.self), path: file.path,
                                           folder: folder)
        }
        return Verified(folder: folder, record: record, changes: changes, diagnostics: diagnostics)
    }
}
