import Foundation

/// What a build would do to one output folder, decided before anything is touched.
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

    init() {}

    /// A generated file may replace only a file dropin owns (or one already byte-identical); a
    /// seeded file is written only when absent.
    init(_ comparison: OutputComparison, in folder: OutputFolder) {
        diagnostics = comparison.links
        for file in comparison.files {
            let path = file.expected.path
            switch file.found {
            case .absent:
                created.append(path)
            case .same:
                unchanged.append(path)
            case .differs where file.expected.ownership == .seeded:
                kept.append(path)
            case .differs where file.owned:
                updated.append(path)
            case .differs:
                diagnostics.append(.error("not-dropins-file",
                    "\(folder.display(path)) exists and dropin did not write it, so it will not overwrite it: move it away, or give the page another path",
                    at: folder.location(path)))
            case .notAFile:
                diagnostics.append(.error("not-a-file",
                    "\(folder.display(path)) is a folder or link where dropin writes a file: move it away",
                    at: folder.location(path)))
            }
        }
        for (path, found) in comparison.leftovers {
            if case .differs = found {
                removed.append(path)
            } else {
                diagnostics.append(.error("not-a-file",
                    "\(folder.display(path)) was dropin's file and is now a folder or link; dropin leaves it: remove it yourself",
                    at: folder.location(path)))
            }
        }
    }

    /// Compares the rendered files with both folders.
    public static func plan(_ files: [RenderedFile], in folders: OutputFolders, record: OwnershipRecord) -> PerRoot<OutputChanges> {
        folders.map { root, folder in
            let expected = files.filter { $0.root == root }.map(OutputComparison.Expected.init)
            return OutputChanges(OutputComparison(expected, in: folder, owned: record.files[root]), in: folder)
        }
    }
}

extension PerRoot where Value == OutputChanges {
    /// One list of both folders' changes (`\.created`, say), each path as messages show it.
    public func shown(_ list: Swift.KeyPath<OutputChanges, [String]>, in folders: OutputFolders) -> [String] {
        all.flatMap { root, changes in changes[keyPath: list].map(folders[root].display) }
    }

    /// How many paths one list holds in both folders.
    public func count(_ list: Swift.KeyPath<OutputChanges, [String]>) -> Int {
        all.reduce(0) { $0 + $1.value[keyPath: list].count }
    }
}
