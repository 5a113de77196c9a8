import ArgumentParser
import DropinCore

/// Shows a command's diagnostics in the chosen format and ends it with the matching status.
package struct Reporter {
    let command: String
    let manifest: String
    let format: OutputFormat
    let console = Console()

    init(command: String, manifest: String, format: OutputFormat) {
        self.command = command
        self.manifest = manifest
        self.format = format
    }

    /// For commands that report to people only.
    package init(command: String, manifest: String) {
        self.init(command: command, manifest: manifest, format: .text)
    }

    /// Reads the manifest's bytes, or reports why it cannot be read and exits with the usage
    /// status.
    package func readManifest() throws -> ManifestFile {
        do {
            return try ManifestReader.read(manifest)
        } catch {
            throw stop(error.diagnostic)
        }
    }

    /// Parses the manifest, for commands that always need its tree.
    package func parse(_ file: ManifestFile) throws -> ManifestSource {
        try parsing { () throws(ManifestSource.LoadError) in try file.parse() }
    }

    /// Runs what parses the manifest; a manifest that is not YAML at all exits with the usage
    /// status, like one that cannot be read.
    package func parsing<Result>(_ body: () throws(ManifestSource.LoadError) -> Result) throws -> Result {
        do {
            return try body()
        } catch {
            throw stop(error.diagnostic)
        }
    }

    /// Shows why the command cannot run; the caller throws what it returns.
    private func stop(_ diagnostic: Diagnostic) -> ExitCode {
        show([diagnostic], source: nil, summary: nil, tally: false)
        return ExitStatus.usage
    }

    /// Reports, then exits 1 if any diagnostic is an error.
    func finish(_ diagnostics: [Diagnostic], source: ManifestFile?, summary: String?,
                extraJSON: [String: JSONValue] = [:], details: [String: String] = [:]) throws {
        show(diagnostics, source: source, summary: diagnostics.hasErrors ? nil : summary, extraJSON: extraJSON,
             details: details)
        if diagnostics.hasErrors { throw ExitStatus.failure }
    }

    /// `details` are shown after the diagnostic about the same file (a diff, in `check`).
    package func show(_ diagnostics: [Diagnostic], source: ManifestFile?, summary: String?,
              extraJSON: [String: JSONValue] = [:], details: [String: String] = [:], tally: Bool = true) {
        let report = DiagnosticReport(command: command, manifest: manifest, diagnostics: diagnostics)
        switch format {
        case .json:
            console.out(report.json(extra: extraJSON))
        case .github:
            console.out(report.github())
        case .text:
            console.err(text(diagnostics, source: source, details: details, colors: console.colorsStandardError, tally: tally))
            if let summary { console.out(summary + "\n") }
        }
    }

    /// The diagnostics as the text format shows them on standard error.
    package func text(_ diagnostics: [Diagnostic], source: ManifestFile?, details: [String: String] = [:],
                      colors: Bool = false, tally: Bool = true) -> String {
        let lines = diagnostics.isEmpty ? [] : source?.lines() ?? []
        let text = TextDiagnostics(colors: colors) { location in
            location.file == source?.file && lines.indices.contains(location.line - 1) ? String(lines[location.line - 1]) : nil
        }
        let report = diagnostics.map { text.render($0) + (details[$0.location?.file ?? ""] ?? "") }.joined()
        guard tally && !diagnostics.isEmpty else { return report }
        return report + DiagnosticReport(command: command, manifest: manifest, diagnostics: diagnostics).tally + "\n"
    }
}
