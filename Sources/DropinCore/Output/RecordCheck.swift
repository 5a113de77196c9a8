import Foundation

/// `check` and a warm `build` without rendering. When the record's input fingerprint is the one
/// these inputs make, a build would write exactly the files the record lists, with the bytes its
/// digests stand for (verified by libxml2 when they were built), so comparing each file's digest
/// says whether the output is up to date. It answers only "up to date"; on anything else it
/// stands aside, and the full render and compare explains the difference.
public struct RecordCheck: Sendable {
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

    init(_ manifest: ManifestFile, manifestPath: String) {
        self.manifest = manifest
        self.location = ManifestLocation(manifestPath: manifestPath)
    }

    func verify() -> Verified? {
        guard let hints = ManifestFolders.scan(manifest.data) else { return nil }
        let folder = location.outputFolder(hints.output)
        guard case .file(let data) = folder.entry(at: BuildPlan.recordPath),
              let record = OwnershipRecord.parse(data), let fingerprint = record.fingerprint else { return nil }
        let inputs = InputFingerprint(
            manifestName: ManifestName.shown(manifest.file), manifest: manifest.data, output: hints.output,
            templates: hints.templates, templatesFolder: hints.templates.map(location.url))
        guard let digest = inputs.digest, record.sealed(with: digest) == fingerprint else { return nil }
        let matches = parallelMap(record.generated) { file in
            guard case .file(let bytes) = folder.entry(at: file.path) else { return false }
            return ContentDigest.of(bytes) == file.digest
        }
        guard !matches.contains(false) else { return nil }
        var changes = OutputChanges()
        changes.unchanged = record.generatedPaths + [BuildPlan.recordPath]
        var diagnostics: [Diagnostic] = []
        for (path, digest) in record.seeded {
            guard case .file(let bytes) = folder.entry(at: path) else { return nil }
            if ContentDigest.of(bytes) == digest { changes.unchanged.append(path) } else { changes.kept.append(path) }
            diagnostics += StylesheetHooks.missing(record.stylesheetHooks, in: String(decoding: bytes, as: UTF8.self),
                                                   path: path, folder: folder)
        }
        changes.unchanged.sort()
        return Verified(folder: folder, record: record, changes: changes, diagnostics: diagnostics)
    }
}
