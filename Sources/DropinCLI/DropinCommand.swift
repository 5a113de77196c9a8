import ArgumentParser
import DropinCore

/// `dropin`: generates and checks the pages, stylesheets and token route an app needs to use
/// Dwolla's drop-in components, from one manifest.
public struct DropinCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dropin",
        abstract: "Wire Dwolla's drop-in components into a web app from one manifest (dropin.yml).",
        version: DropinVersion.current,
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, ValidateCommand.self, ComponentsCommand.self,
                      TemplatesCommand.self, InitCommand.self, SchemaCommand.self])

    public init() {}

    /// Runs the command line and returns the process exit status.
    public static func main(_ arguments: [String]) async -> Int32 {
        await CommandRunner.run(DropinCommand.self, arguments)
    }
}
