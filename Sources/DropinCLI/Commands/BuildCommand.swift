import ArgumentParser
import DropinCore
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Generate the pages, snippets, scripts and stylesheet the manifest describes.",
        discussion: """
        Every HTML file is checked before anything is written; then only changed files are
        written, each atomically. dropin records the files it owns in dropin/owned.json under the
        output folder, removes its own files the manifest no longer produces, and never
        overwrites or deletes a file it did not write.
        """)

    @OptionGroup var manifestOption: ManifestOption
    @OptionGroup var formatOption: FormatOption

    @Flag(help: "List what would be written, changed and removed, and write nothing.")
    var dryRun = false

    func run() throws {
        let started = DispatchTime.now()
        let reporter = Reporter(command: "build", manifest: manifestOption.manifest, format: formatOption.format)
        let source = try reporter.readManifest()
        let result = try reporter.parsing { () throws(ManifestSource.LoadError) in
            try Pipeline().build(source, manifestPath: manifestOption.manifest, dryRun: dryRun)
        }
        defer { ProcessEnd.leave(result) }
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        var summary: String?
        var json: [String: JSONValue] = ["dryRun": .bool(dryRun)]
        if let totals = result.totals, let changes = result.changes {
            summary = BuildSummary(totals: totals, changes: changes, dryRun: dryRun, milliseconds: milliseconds).text
            json.merge(BuildSummary.json(totals: totals, changes: changes)) { $1 }
        }
        try reporter.finish(result.diagnostics, source: source, summary: summary, extraJSON: json)
    }
}

/// The closing lines of a build, in the manner of Hugo's: what was made, and what it cost.
struct BuildSummary {
    let totals: Pipeline.Totals
    let changes: OutputChanges
    let dryRun: Bool
    let milliseconds: UInt64

    var text: String {
        let folder = totals.folder
        var lines: [String] = []
        if dryRun {
            lines += changes.created.map { "would create \(folder.display($0))" }
            lines += changes.updated.map { "would update \(folder.display($0))" }
            lines += changes.removed.map { "would remove \(folder.display($0))" }
        }
        let rows: [(String, Int)] = [
            ("Pages", totals.pageCount), ("Components", totals.componentCount),
            (dryRun ? "Files to write" : "Files written", changes.writes.count),
            ("Files unchanged", changes.unchanged.count + changes.kept.count),
            (dryRun ? "Files to remove" : "Files removed", changes.removed.count),
        ]
        if dryRun { lines.append("") }
        lines += rows.map { name, count in name.padding(toLength: 17, withPad: " ", startingAt: 0) + "| \(count)" }
        lines.append(dryRun ? "Dry run: nothing written to \(folder.display)/ (\(milliseconds) ms)"
                            : "Built \(folder.display)/ in \(milliseconds) ms")
        return lines.joined(separator: "\n")
    }

    static func json(totals: Pipeline.Totals, changes: OutputChanges) -> [String: JSONValue] {
        func list(_ paths: [String]) -> JSONValue { .array(paths.map(JSONValue.string)) }
        return [
            "output": .string(totals.folder.display),
            "pages": .int(totals.pageCount),
            "components": .int(totals.componentCount),
            "files": .object([
                "created": list(changes.created), "updated": list(changes.updated),
                "unchanged": list(changes.unchanged), "removed": list(changes.removed), "kept": list(changes.kept),
            ]),
        ]
    }
}
