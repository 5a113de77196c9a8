import ArgumentParser
import DropinCore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Fail when the committed output is stale, hand-edited, incomplete or broken. Writes nothing.",
        discussion: "Run it in CI after committing what dropin build writes.")

    @OptionGroup var manifestOption: ManifestOption
    @OptionGroup var deploymentOption: DeploymentOption
    @OptionGroup var formatOption: FormatOption

    @Flag(help: "Render and compare every file, even when the ownership record's digests show the output up to date.")
    var full = false

    static let diffsShown = 20

    func run() throws {
        let reporter = Reporter(command: "check", manifest: manifestOption.manifest, format: formatOption.format)
        let source = try reporter.readManifest()
        let result = try reporter.parsing { () throws(ManifestSource.LoadError) in
            try Pipeline().check(source, manifestPath: manifestOption.manifest, full: full, deployments: deploymentOption.chosen)
        }
        defer { ProcessEnd.leave(result) }
        var details: [String: String] = [:]
        var files: [JSONValue] = []
        var shownDiffs = 0, leftOut = 0
        var lastShown: String?
        for deployment in result.deployments {
            for report in deployment.reports {
                let path = report.shown
                files.append(.object(["path": .string(path), "deployment": deployment.name.map(JSONValue.string) ?? .null,
                                      "status": .string(report.status.rawValue), "diff": report.diff.map(JSONValue.string) ?? .null]))
                // A terminal gets the first diffs only: after a template change every page
                // differs the same way. The JSON report carries them all.
                guard let diff = report.diff else { continue }
                if shownDiffs < Self.diffsShown {
                    details[path] = diff
                    shownDiffs += 1
                    lastShown = path
                } else {
                    leftOut += 1
                }
            }
        }
        if leftOut > 0, let lastShown {
            details[lastShown]! += "(diffs of \(leftOut) more files left out; --format json has them all)\n"
        }
        let summary = result.deployments.isEmpty ? nil : result.deployments.compactMap { deployment -> String? in
            guard let totals = deployment.totals else { return nil }
            let how = deployment.verified != nil
                ? "against the digests in \(totals.folders.private.display(BuildPlan.recordPath))" : "rendered and compared"
            let name = deployment.name.map { "\($0): " } ?? ""
            return "\(name)\(totals.folders.public.display)/ and \(totals.folders.private.display)/ are up to date: \(totals.fileCount) files checked (\(how))"
        }.joined(separator: "\n")
        let comparedBy = JSONValue.string(result.byRecord ? "digests" : "rendering")
        try reporter.finish(result.diagnostics, source: source, summary: summary,
                            extraJSON: ["files": .array(files), "comparedBy": comparedBy], details: details)
    }
}
