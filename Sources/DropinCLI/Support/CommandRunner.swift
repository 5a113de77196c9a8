import ArgumentParser

/// Runs a command line and returns the process exit status, the same way for `dropin` and
/// `dropin-serve`. Usage errors exit 2, like every other problem that stops a command before it
/// looks at the manifest.
package enum CommandRunner {
    package static func run(_ root: any ParsableCommand.Type, _ arguments: [String]) async -> Int32 {
        do {
            var command = try root.parseAsRoot(arguments)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            return ExitStatus.success.rawValue
        } catch {
            let code = root.exitCode(for: error)
            let message = root.fullMessage(for: error)
            if !message.isEmpty {
                code == .success ? Console().out(message + "\n") : Console().err(message + "\n")
            }
            return code == .validationFailure ? ExitStatus.usage.rawValue : code.rawValue
        }
    }
}
