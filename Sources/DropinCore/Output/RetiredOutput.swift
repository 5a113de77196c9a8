/// The folders of a deployment the manifest no longer has: the top level's, once the manifest
/// has deployments, and those of any deployment a current record lists that the manifest has
/// dropped. dropin's files there are files the manifest no longer produces: a build removes
/// them (never one a current deployment writes), and check reports them. The files it seeded
/// stay, as the user's.
public struct RetiredOutput: Sendable {
    /// Nil for the top level's folders.
    public let name: String?
    public let folders: OutputFolders
    /// Only removals, and the seeded files kept.
    public let changes: PerRoot<OutputChanges>

    /// Why these files go, for messages.
    var reason: String {
        name.map { "deployment \($0) is no longer in the manifest" }
            ?? "the manifest now builds its deployments, not its top-level output"
    }

    /// The retired folders that hold files dropin wrote. `current` are the deployments being
    /// built; `records` their records, which name the deployments of earlier builds.
    static func find(_ manifest: Manifest, current: [Pipeline.Rendered], records: [OwnershipRecord],
                     at base: ManifestLocation) -> [RetiredOutput] {
        var candidates: [(name: String?, folders: PerRoot<String>)] = []
        if !manifest.deployments.isEmpty {
            candidates.append((nil, PerRoot(public: manifest.output.value, private: manifest.privateOutput.value)))
        }
        candidates += records.flatMap { record in record.deployments.map { (Optional($0.name), $0.folders) } }
        func resolved(_ folders: PerRoot<String>) -> PerRoot<FolderPath> {
            folders.map { _, folder in FolderPath(resolving: base.url(folder)) }
        }
        var known = manifest.deployed().map { resolved(PerRoot(public: $0.output.value, private: $0.privateOutput.value)) }
        var retired: [RetiredOutput] = []
        lazy var written = Set(current.flatMap { rendered in
            rendered.files.map { file in FolderPath(resolving: rendered.folders[file.root].url).appending(file.path) }
        })
        for (name, paths) in candidates {
            let folders = resolved(paths)
            guard !known.contains(where: { $0.public == folders.public && $0.private == folders.private }) else { continue }
            known.append(folders)
            let outputFolders = base.outputFolders(public: paths.public, private: paths.private)
            guard let record = outputFolders.record().0 else { continue }
            let changes = outputFolders.map { root, folder in
                removal(of: record.files[root], recordToo: root == .private, in: folder) { written.contains(folders[root].appending($0)) }
            }
            if changes.count(\OutputChanges.removed) + changes.count(\OutputChanges.kept) > 0 {
                retired.append(RetiredOutput(name: name, folders: outputFolders, changes: changes))
            }
        }
        return retired
    }

    private static func removal(of listing: OwnershipRecord.Listing, recordToo: Bool, in folder: OutputFolder,
                                unlessWritten written: (String) -> Bool) -> OutputChanges {
        var changes = OutputChanges()
        for path in listing.generatedPaths + (recordToo ? [BuildPlan.recordPath] : []) where !written(path) {
            switch folder.entry(at: path) {
            case .absent: break
            case .file: changes.removed.append(path)
            case .folder, .other:
                changes.diagnostics.append(.error("not-a-file",
                    "\(folder.display(path)) was dropin's file and is now a folder or link; dropin leaves it: remove it yourself",
                    at: folder.location(path)))
            }
        }
        for (path, _) in listing.seeded where !written(path) {
            if case .file = folder.entry(at: path) { changes.kept.append(path) }
        }
        return changes
    }

    /// What `check` says of each file here.
    func reports() -> (reports: [DriftReport.FileReport], diagnostics: [Diagnostic]) {
        var reports: [DriftReport.FileReport] = []
        var diagnostics: [Diagnostic] = []
        for (root, rootChanges) in changes.all {
            let folder = folders[root]
            diagnostics += rootChanges.diagnostics
            for path in rootChanges.removed {
                reports.append(DriftReport.FileReport(root: root, path: path, shown: folder.display(path), status: .shouldBeRemoved, diff: nil))
                diagnostics.append(.error(DriftReport.Status.shouldBeRemoved.rawValue,
                    "\(reason): run dropin build to remove this file it wrote", at: folder.location(path)))
            }
            diagnostics += keptWarnings(root)
        }
        return (reports, diagnostics)
    }

    /// The seeded files that stay, which the user may want in a current deployment.
    func keptWarnings(_ root: OutputRoot) -> [Diagnostic] {
        changes[root].kept.map { path in
            .warning("retired-file-kept",
                "\(reason), but this file is yours (dropin wrote it once) and stays: move what you need into a current deployment's folder, then remove it",
                at: folders[root].location(path))
        }
    }
}
