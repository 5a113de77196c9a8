import ArgumentParser
import DropinCore

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check the manifest and report every problem, without generating anything.")

    @OptionGroup var manifestOption: ManifestOption
    @OptionGroup var formatOption: FormatOption

    func run() throws {
        let reporter = Reporter(command: "validate", manifest: manifestOption.manifest, format: formatOption.format)
        let source = try reporter.readManifest()
        let result = ManifestValidator().validate(try reporter.parse(source))
        let summary = result.manifest.map { manifest in
            let components = manifest.pages.flatMap(\.components).count
            return "\(manifest.file) is valid: \(manifest.pages.count) page\(manifest.pages.count == 1 ? "" : "s"), "
                + "\(components) component\(components == 1 ? "" : "s")"
        }
        try reporter.finish(result.diagnostics, source: source, summary: summary)
    }
}
