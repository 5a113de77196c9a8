import ArgumentParser
import DropinCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fail when the committed output is stale, hand-edited, incomplete or broken. Writes nothing.",
        discussion: "Run it in CI after committing what dropin build writes.")

    @OptionGroup var manifestOption: ManifestOption
    @OptionGroup var formatOption: FormatOption

    @Flag(help: "Render and compare every file, even when the ownership record's digests show the output up to date.")
    var full = false

    static let diffsShown = 20

    func run() throws {
        let reporter = Reporter(command: "check", manifest: manifestOption.manifest, format: formatOption.format)
        let source = try reporter.readManifest()
        let result = try reporter.parsing { () throws(ManifestSource.LoadError) in
            try Pipeline().check(source, manifestPath: manifestOption.manifest, full: full)
        }
        defer { ProcessEnd.leave(result) }
        let folder = result.totals?.folder
        // A terminal gets the first diffs only: after a template change every page differs the
        // same way. The JSON report carries them all.
        var details: [String: String] = [:]
        let diffs = result.reports.filter { $0.diff != nil }
        for report in diffs.prefix(Self.diffsShown) {
            if let diff = report.diff, let folder { details[folder.display(report.path)] = diff }
        }
        if diffs.count > Self.diffsShown, let last = diffs.prefix(Self.diffsShown).last, let folder {
            details[folder.display(last.path)]! += "(diffs of \(diffs.count - Self.diffsShown) more files left out; --format json has them all)\n"
        }
        let files: JSONValue = .array(result.reports.map { report in
            .object(["path": .string(report.path), "status": .string(report.status.rawValue),
                     "diff": report.diff.map(JSONValue.string) ?? .null])
        })
        let how = result.byRecord ? "against the digests in \(BuildPlan.recordPath)" : "rendered and compared"
        let summary = result.totals.map { "\($0.folder.display)/ is up to date: \($0.fileCount) files checked (\(how))" }
        let comparedBy = JSONValue.string(result.byRecord ? "digests" : "rendering")
        try reporter.finish(result.diagnostics, source: source, summary: summary,
                            extraJSON: ["files": files, "comparedBy": comparedBy], details: details)
    }
}
