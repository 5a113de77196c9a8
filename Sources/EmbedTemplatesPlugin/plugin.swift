import Foundation
import PackagePlugin

/// Compiles the default templates in Templates/ into the binary, so `dropin` needs no resource
/// folder beside it and a template can never go missing at run time; and with them the token
/// route's Swift sources, which `dropin build` writes out for apps exactly as dropin serve runs them.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Templates")
        let templates = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let sources = try swiftFiles(in: context.package.directoryURL.appending(path: "Sources/DropinTokenRoute"))
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [.buildCommand(
            displayName: "Embedding \(templates.count) default templates and the token route's sources",
            executable: try context.tool(named: "embed-templates").url,
            arguments: [output.path] + templates.map(\.path) + ["--"] + sources.map(\.path),
            inputFiles: templates + sources,
            outputFiles: [output])]
    }

    private func swiftFiles(in folder: URL) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "swift" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
}
