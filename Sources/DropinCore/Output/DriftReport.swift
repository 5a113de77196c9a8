import Foundation

/// The compare stage of `dropin check`: what in the output folders differs from what a build
/// would write, with a unified diff per file. Writes nothing.
public struct DriftReport: Sendable {
    public enum Status: String, Sendable {
        case missing
        case stale
        case notDropins = "not-dropins"
        case shouldBeRemoved = "should-be-removed"
        case notAFile = "not-a-file"
    }

    public struct FileReport: Sendable {
        public let root: OutputRoot
        public let path: String
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
        return (reports, diagnostics)
    }

    private func compare(_ files: [RenderedFile], in root: OutputRoot, owned: OwnershipRecord.Listing, stylesheetHooks: [String])
        -> (reports: [FileReport], diagnostics: [Diagnostic]) {
        let folder = folders[root]
        let comparison = OutputComparison(files.map(OutputComparison.Expected.init), in: folder, owned: owned)
        var reports: [FileReport] = []
        var diagnostics = comparison.links
        func report(_ path: String, _ status: Status, _ message: String, line: Int = 1, diff: String? = nil) {
            reports.append(FileReport(root: root, path: path, status: status, diff: diff))
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
                let shown = folder.display(file.path)
                let diff = UnifiedDiff.make(from: existing, to: file.text, oldName: shown + " (committed)", newName: shown + " (dropin build)")
                report(file.path, .stale, "stale or edited by hand: run dropin build (change the manifest or a template, not this file)",
                       line: UnifiedDiff.firstDifferentLine(existing, file.text), diff: diff)
            }
        }
        for (path, _) in comparison.leftovers {
            report(path, .shouldBeRemoved, "the manifest no longer produces this file: run dropin build to remove it")
        }
        return (reports, diagnostics)
    }
}
