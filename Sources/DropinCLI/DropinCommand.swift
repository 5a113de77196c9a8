import ArgumentParser

/// `dropin`: generates and checks the pages, stylesheets and token route an app needs to use
/// Dwolla's drop-in components, from one manifest.
public struct DropinCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "dropin",
        abstract: "Wire Dwolla's drop-in components into a web app from one manifest (dropin.yml).",
        subcommands: [BuildCommand.self, CheckCommand.self, ServeCommand.self, ValidateCommand.self, ComponentsCommand.self,
                      TemplatesCommand.self, InitCommand.self, SchemaCommand.self])

    public init() {}

    /// Runs the command line and returns the process exit status. Usage errors exit 2, like
    /// every other problem that stops a command before it looks at the manifest.
    public static func main(_ arguments: [String]) async -> Int32 {
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.success.rawValue
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if !message.isEmpty {
                code == .success ? Console().out(message + "\n") : Console().err(message + "\n")
            }
            return code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue
        }
    }
}
