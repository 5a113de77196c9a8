import Foundation
import PackagePlugin

/// Compiles the default templates in Templates/ into the binary, so `dropin` needs no resource
/// folder beside it and a template can never go missing at run time.
@main
struct EmbedTemplatesPlugin: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appending(path: "Templates")
        let templates = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedTemplates.swift")
        return [.buildCommand(
            displayName: "Embedding \(templates.count) default templates",
            executable: try context.tool(named: "embed-templates").url,
            arguments: [output.path] + templates.map(\.path),
            inputFiles: templates,
            outputFiles: [output])]
    }
}
