import Foundation

/// One output folder compared with what a build makes there: one reading that `build` (which
/// files to write), `check` (what to report) and the quick check from the record (whether all
/// is up to date) each act on, so that the three cannot see the folder differently.
struct OutputComparison: Sendable {
    /// A file a build makes, as it is known: its text, or, from the record, its digest.
    struct Expected: Sendable {
        enum Content: Sendable {
            case text(String)
            case digest(String)
        }

        let path: String
        let ownership: PlannedFile.Ownership
        let content: Content
    }

    /// What stands where a file goes.
    enum Found: Sendable, Equatable {
        case absent
        case same
        /// A file with other bytes, which are given.
        case differs(Data)
        /// A folder, a link or anything else dropin will not touch.
        case notAFile
    }

    struct File: Sendable {
        let expected: Expected
        let found: Found
        /// For a file that differs: whether the record lists it as dropin's, which dropin may
        /// then overwrite.
        let owned: Bool
    }

    let files: [File]
    /// Files the record lists that a build no longer makes, and what stands there now (never
    /// `.same` or `.absent`: a file is `.differs`).
    let leftovers: [(path: String, found: Found)]
    /// Symbolic links on the way to the files, which dropin never writes through.
    let links: [Diagnostic]

    /// `owned` is what the record lists in this folder; the record itself is dropin's too.
    init(_ expected: [Expected], in folder: OutputFolder, owned listing: OwnershipRecord.Listing) {
        links = folder.links(on: expected.map(\.path))
        // A file whose folder is not there is not there either: a first build looks at each
        // folder once instead of at every file. The rest is independent for each file: on
        // every core.
        let missingFolders = OutputPath.folders(of: expected.map(\.path)).filter { folder.entry(at: String($0)) == .absent }
        let found = parallelMap(expected) { file in
            missingFolders.contains(OutputPath.folder(of: file.path)) ? .absent : Self.found(folder.entry(at: file.path), file.content)
        }
        // Looked up only for a file that differs, which a first build has none of.
        lazy var owned = Set(listing.generatedPaths + [BuildPlan.recordPath])
        files = zip(expected, found).map { file, found in
            if case .differs = found { File(expected: file, found: found, owned: owned.contains(file.path)) }
            else { File(expected: file, found: found, owned: false) }
        }
        lazy var planned = Set(expected.map(\.path))
        leftovers = listing.generatedPaths.filter { !planned.contains($0) }.compactMap { path in
            switch folder.entry(at: path) {
            case .absent: nil
            case .file(let data): (path, .differs(data))
            case .folder, .other: (path, .notAFile)
            }
        }
    }

    private static func found(_ entry: OutputFolder.Entry, _ content: Expected.Content) -> Found {
        switch (entry, content) {
        case (.absent, _): .absent
        case (.file(let data), .text(let text)): data.count == text.utf8.count && data == Data(text.utf8) ? .same : .differs(data)
        case (.file(let data), .digest(let digest)): ContentDigest.of(data) == digest ? .same : .differs(data)
        case (.folder, _), (.other, _): .notAFile
        }
    }
}

extension OutputComparison.Expected {
    init(_ file: RenderedFile) {
        self.init(path: file.path, ownership: file.ownership, content: .text(file.text))
    }
}
