import ArgumentParser

/// How a command reports: for people, for programs, or for GitHub Actions.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
    case github
}

struct FormatOption: ParsableArguments {
    @Option(help: "How to report: text (for people), json (versioned, for programs) or github (Actions annotations).")
    var format: OutputFormat = .text
}

package struct ManifestOption: ParsableArguments {
    @Option(name: [.long, .short], help: "The project manifest.")
    package var manifest: String = "dropin.yml"

    package init() {}
}
