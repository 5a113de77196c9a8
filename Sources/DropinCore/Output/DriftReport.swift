import Foundation

/// The compare stage of `dropin check`: what in the output folders differs from what a build
/// would write, with a unified diff per file. Writes nothing.
public struct DriftReport: Sendable {
    public enum Status: String, Sendable {
        case missing
        /// As the last build wrote it, but the manifest or a template has changed since.
        case stale
        /// Changed since the last build wrote it.
        case editedByHand = "edited-by-hand"
        /// The ownership record alone differs: someone changed it, or only its digests moved.
        case staleRecord = "stale-record"
        case notDropins = "not-dropins"
        case shouldBeRemoved = "should-be-removed"
        case notAFile = "not-a-file"
    }

    public struct FileReport: Sendable {
        public let root: OutputRoot
        public let path: String
        /// The path as messages show it, with its folder.
        public let shown: String
        public let status: Status
        /// For a stale file: how the file on disk differs from what a build writes.
        public let diff: String?
    }

    public let folders: OutputFolders

    public init(folders: OutputFolders) {
        self.folders = folders
    }

    public func compare(_ files: [RenderedFile], record: OwnershipRecord, stylesheetHooks: [String])
        -> (reports: [FileReport], diagnostics: [Diagnostic]) {
        var reports: [FileReport] = []
        var diagnostics: [Diagnostic] = []
        for root in OutputRoot.allCases {
            let found = compare(files.filter { $0.root == root }, in: root, owned: record.files[root], stylesheetHooks: stylesheetHooks)
            reports += found.reports
            diagnostics += found.diagnostics
        }
        // The record lists every file's digest, so it differs whenever another file does: then
        // it is noise. Alone, it is the one thing to report, without a diff of digests.
        if reports.count > 1, let index = reports.firstIndex(where: { $0.status == .staleRecord }) {
            reports.remove(at: index)
            diagnostics.removeAll { $0.code == Status.staleRecord.rawValue }
        }
        return (reports, diagnostics)
    }

    private func compare(_ files: [RenderedFile], in root: OutputRoot, owned: OwnershipRecord.Listing, stylesheetHooks: [String])
        -> (reports: [FileReport], diagnostics: [Diagnostic]) {
        let folder = folders[root]
        let comparison = OutputComparison(files.map(OutputComparison.Expected.init), in: folder, owned: owned)
        var reports: [FileReport] = []
        var diagnostics = comparison.links
        // Looked up only for files that differ.
        lazy var recorded = Dictionary(owned.generated.map { ($0.path, $0.digest) }) { first, _ in first }
        func report(_ path: String, _ status: Status, _ message: String, line: Int = 1, diff: String? = nil) {
            reports.append(FileReport(root: root, path: path, shown: folder.display(path), status: status, diff: diff))
            diagnostics.append(.error(status.rawValue, message, at: folder.location(path, line: line)))
        }
        for (file, compared) in zip(files, comparison.files) {
            switch compared.found {
            case .same:
                continue
            case .absent:
                report(file.path, .missing, "missing: run dropin build and commit what it writes")
            case .notAFile:
                report(file.path, .notAFile, "a folder or link stands where dropin writes a file: move it away")
            case .differs(let data) where file.ownership == .seeded:
                diagnostics += StylesheetHooks.missing(stylesheetHooks, in: String(decoding: data, as: UTF8.self),
                                                       path: file.path, folder: folder)
            case .differs(let data):
                let existing = String(decoding: data, as: UTF8.self)
                // The fingerprint names the dropin that built and vouches only for a build
                // without warnings: a record that differs in it alone lists the same bytes.
                if file.isRecord,
                   OwnershipRecord.apartFromFingerprint(existing) == OwnershipRecord.apartFromFingerprint(file.text) { continue }
                if !compared.owned {
                    report(file.path, .notDropins, "dropin did not write this file, but a build would: move it away, or give the page another path")
                    continue
                }
                if file.isRecord {
                    report(file.path, .staleRecord, "the ownership record is not the one a build writes: run dropin build and commit it")
                    continue
                }
                let shown = folder.display(file.path)
                let diff = UnifiedDiff.make(from: existing, to: file.text, oldName: shown + " (committed)", newName: shown + " (dropin build)")
                let line = UnifiedDiff.firstDifferentLine(existing, file.text)
                // The record's digest is of what the last build wrote: a file that still has it
                // is stale because its inputs changed; one that does not was edited since.
                if recorded[file.path] == ContentDigest.of(data) {
                    report(file.path, .stale, "the manifest or a template changed since the last build: run dropin build and commit what it writes",
                           line: line, diff: diff)
                } else {
                    report(file.path, .editedByHand, "edited by hand since the last build: change the manifest or a template instead, then run dropin build (which overwrites this file)",
                           line: line, diff: diff)
                }
            }
        }
        for (path, _) in comparison.leftovers {
            report(path, .shouldBeRemoved, "the manifest no longer produces this file: run dropin build to remove it")
        }
        return (reports, diagnostics)
    }
}
