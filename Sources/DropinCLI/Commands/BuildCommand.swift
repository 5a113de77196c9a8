import ArgumentParser
import DropinCore
import Foundation

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Generate the pages, snippets, scripts and stylesheet the manifest describes.",
        discussion: """
        Every HTML file is checked before anything is written; then only changed files are \
        written, each atomically. What browsers load goes to the public folder (output); snippets, \
        token route code and its contract to the private one (privateOutput). dropin records the \
        files it owns in dropin/owned.json in the private folder, removes its own files the \
        manifest no longer produces, and never overwrites or deletes a file it did not write.
        """)

    @OptionGroup var manifestOption: ManifestOption
    @OptionGroup var deploymentOption: DeploymentOption
    @OptionGroup var formatOption: FormatOption

    @Flag(help: "List what would be written, changed and removed, and write nothing.")
    var dryRun = false

    func run() throws {
        let started = DispatchTime.now()
        let reporter = Reporter(command: "build", manifest: manifestOption.manifest, format: formatOption.format)
        let source = try reporter.readManifest()
        let result = try reporter.parsing { () throws(ManifestSource.LoadError) in
            try Pipeline().build(source, manifestPath: manifestOption.manifest, dryRun: dryRun, deployments: deploymentOption.chosen)
        }
        defer { ProcessEnd.leave(result) }
        let milliseconds = (DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        let built = result.deployments.compactMap { deployment in
            deployment.totals.flatMap { totals in deployment.changes.map { BuildSummary.Deployment(name: deployment.name, totals: totals, changes: $0) } }
        }
        let summary = built.isEmpty ? nil : BuildSummary(deployments: built, retired: result.retired, dryRun: dryRun, milliseconds: milliseconds)
        try reporter.finish(result.diagnostics, source: source, summary: summary?.text,
                            extraJSON: ["dryRun": .bool(dryRun), "deployments": .array(built.map(\.json)),
                                        "retired": .array(result.retired.map(BuildSummary.json))])
    }
}

/// The closing lines of a build, in the manner of Hugo's: what was made, and what it cost.
struct BuildSummary {
    struct Deployment {
        /// Nil for a manifest without deployments.
        let name: String?
        let totals: Pipeline.Totals
        let changes: PerRoot<OutputChanges>

        /// Its folders, as the closing line names them.
        var folders: String {
            "\(totals.folders.public.display)/ and \(totals.folders.private.display)/" + (name.map { " (\($0))" } ?? "")
        }

        var json: JSONValue {
            func list(_ paths: Swift.KeyPath<OutputChanges, [String]>) -> JSONValue {
                .array(changes.shown(paths, in: totals.folders).map(JSONValue.string))
            }
            return .object([
                "name": name.map(JSONValue.string) ?? .null,
                "output": .string(totals.folders.public.display),
                "privateOutput": .string(totals.folders.private.display),
                "pages": .int(totals.pageCount),
                "components": .int(totals.componentCount),
                "files": .object([
                    "created": list(\.created), "updated": list(\.updated),
                    "unchanged": list(\.unchanged), "removed": list(\.removed), "kept": list(\.kept),
                ]),
            ])
        }
    }

    let deployments: [Deployment]
    /// Folders of deployments the manifest no longer has, emptied of dropin's files.
    let retired: [RetiredOutput]
    let dryRun: Bool
    let milliseconds: UInt64

    static func json(_ retired: RetiredOutput) -> JSONValue {
        .object([
            "name": retired.name.map(JSONValue.string) ?? .null,
            "output": .string(retired.folders.public.display),
            "privateOutput": .string(retired.folders.private.display),
            "files": .object(["removed": .array(retired.changes.shown(\.removed, in: retired.folders).map(JSONValue.string)),
                              "kept": .array(retired.changes.shown(\.kept, in: retired.folders).map(JSONValue.string))]),
        ])
    }

    var text: String {
        var lines: [String] = []
        if dryRun {
            for (verb, list) in [("create", \OutputChanges.created), ("update", \.updated), ("remove", \.removed)] {
                lines += deployments.flatMap { $0.changes.shown(list, in: $0.totals.folders) }.map { "would \(verb) \($0)" }
            }
            lines += retired.flatMap { $0.changes.shown(\.removed, in: $0.folders) }.map { "would remove \($0)" }
        }
        func count(_ list: Swift.KeyPath<OutputChanges, [String]>) -> Int {
            deployments.reduce(0) { $0 + $1.changes.count(list) } + retired.reduce(0) { $0 + $1.changes.count(list) }
        }
        // Every deployment has the same pages.
        let rows: [(String, Int)] = [
            ("Pages", deployments[0].totals.pageCount), ("Components", deployments[0].totals.componentCount),
            (dryRun ? "Files to write" : "Files written", count(\.writes)),
            ("Files unchanged", count(\.unchanged) + count(\.kept)),
            (dryRun ? "Files to remove" : "Files removed", count(\.removed)),
        ]
        if dryRun { lines.append("") }
        lines += rows.map { name, count in name.padding(toLength: 17, withPad: " ", startingAt: 0) + "| \(count)" }
        let folders = deployments.map(\.folders).joined(separator: ", ")
        lines.append(dryRun ? "Dry run: nothing written to \(folders) (\(milliseconds) ms)"
                            : "Built \(folders) in \(milliseconds) ms")
        return lines.joined(separator: "\n")
    }
}
