import Foundation

/// What a build would do to the output folder, decided before anything is touched.
public struct OutputChanges: Sendable {
    public var created: [String] = []
    public var updated: [String] = []
    public var unchanged: [String] = []
    public var removed: [String] = []
    /// The user's own files dropin seeded once, left as they are.
    public var kept: [String] = []
    /// Why the build must not write: a file in the way, a folder where a file goes.
    public var diagnostics: [Diagnostic] = []

    public var writes: [String] { created + updated }

    /// Compares the rendered files with the folder. A generated file may replace only a file
    /// dropin owns (or one already byte-identical); a seeded file is written only when absent.
    public static func plan(_ files: [RenderedFile], in folder: OutputFolder, record: OwnershipRecord) -> OutputChanges {
        var changes = OutputChanges()
        changes.diagnostics += folder.links(on: files.map(\.path))
        // Looked up only for a file that differs, which a first build has none of.
        lazy var owned = Set(record.generatedPaths + [BuildPlan.recordPath])
        // A file whose folder is not there is not there either: a first build looks at each
        // folder once instead of at every file. The rest is independent for each file: on
        // every core.
        let missingFolders = OutputPath.folders(of: files.map(\.path)).filter { folder.entry(at: String($0)) == .absent }
        let found = parallelMap(files) { file in
            missingFolders.contains(OutputPath.folder(of: file.path)) ? .absent : Found(folder.entry(at: file.path), file.text)
        }
        for (file, found) in zip(files, found) {
            switch found {
            case .absent:
                changes.created.append(file.path)
            case .same:
                changes.unchanged.append(file.path)
            case .different:
                if file.ownership == .seeded {
                    changes.kept.append(file.path)
                } else if owned.contains(file.path) {
                    changes.updated.append(file.path)
                } else {
                    changes.diagnostics.append(.error("not-dropins-file",
                        "\(folder.display(file.path)) exists and dropin did not write it, so it will not overwrite it: move it away, or give the page another path",
                        at: folder.location(file.path)))
                }
            case .notAFile:
                changes.diagnostics.append(.error("not-a-file",
                    "\(folder.display(file.path)) is a folder or link where dropin writes a file: move it away",
                    at: folder.location(file.path)))
            }
        }
        lazy var planned = Set(files.map(\.path))
        for path in record.generatedPaths where !planned.contains(path) {
            switch folder.entry(at: path) {
            case .file: changes.removed.append(path)
            case .absent: break
            case .folder, .other:
                changes.diagnostics.append(.error("not-a-file",
                    "\(folder.display(path)) was dropin's file and is now a folder or link; dropin leaves it: remove it yourself",
                    at: folder.location(path)))
            }
        }
        return changes
    }

    /// What is on disk where a file goes, compared with its text.
    private enum Found: Sendable {
        case absent, same, different, notAFile

        init(_ entry: OutputFolder.Entry, _ text: String) {
            switch entry {
            case .absent: self = .absent
            case .file(let existing):
                self = existing.count == text.utf8.count && existing == Data(text.utf8) ? .same : .different
            case .folder, .other: self = .notAFile
            }
        }
    }
}
