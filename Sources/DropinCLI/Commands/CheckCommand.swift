import ArgumentParser
import DropinCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fail when the committed output is stale, hand-edited, incomplete or broken. Writes nothing.",
        discussion: "Run it in CI after committing what dropin build writes.")

    @OptionGroup var manifestOption: ManifestOption
    @OptionGroup var formatOption: FormatOption

    func run() throws {
        let reporter = Reporter(command: "check", manifest: manifestOption.manifest, format: formatOption.format)
        let source = try reporter.readManifest()
        let result = Pipeline().check(source, manifestPath: manifestOption.manifest)
        let folder = result.rendered?.folder
        var details: [String: String] = [:]
        for report in result.reports {
            if let diff = report.diff, let folder { details[folder.display(report.path)] = diff }
        }
        let files: JSONValue = .array(result.reports.map { report in
            .object(["path": .string(report.path), "status": .string(report.status.rawValue),
                     "diff": report.diff.map(JSONValue.string) ?? .null])
        })
        let summary = result.rendered.map { "\($0.folder.display)/ is up to date: \($0.files.count) files checked" }
        try reporter.finish(result.diagnostics, source: source, summary: summary, extraJSON: ["files": files], details: details)
    }
}
