import Foundation
import PackagePlugin

/// Compiles the default templates in Templates/ into the binary, so `dropin` needs no resource
/// folder beside it and a template can never go missing at run time; with them the token
/// route's Swift sources, which `dropin build` writes out for apps exactly as dropin serve runs
/// them; and a digest of every source that decides what a build writes (the HTML check's C
/// included), which the ownership
/// record keeps so that `dropin check` trusts its file digests only from the same dropin.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let root = context.package.directoryURL
        let templates = try files(in: root.appending(path: "Templates")) { !$0.lastPathComponent.hasPrefix(".") }
        let routeSources = try files(in: root.appending(path: "Sources/DropinTokenRoute")) { $0.pathExtension == "swift" }
        let ownSources = (target.sourceModule?.sourceFiles(withSuffix: "swift").map(\.url) ?? [])
            .sorted { $0.path < $1.path }
        // The HTML check decides whether a page is written at all: a stricter check must make
        // `check` verify again rather than trust an output the old one let through.
        let htmlCheck = try files(in: root.appending(path: "Sources/CPolyglotCheck")) { ["c", "h"].contains($0.pathExtension) }
            + files(in: root.appending(path: "Sources/CPolyglotCheck/include")) { $0.pathExtension == "h" }
        let digested = templates + routeSources + ownSources + htmlCheck + [root.appending(path: "Package.swift")]
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        let lists: [[URL]] = [templates, routeSources, digested]
        let arguments: [String] = [output.path, root.path] + lists.map { $0.map(\.path) }.joined(separator: ["--"])
        return [.buildCommand(
            displayName: "Embedding \(templates.count) default templates and the token route's sources",
            executable: try context.tool(named: "embed-templates").url,
            arguments: arguments,
            inputFiles: digested,
            outputFiles: [output])]
    }

    private func files(in folder: URL, _ include: (URL) -> Bool) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter(include)
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
