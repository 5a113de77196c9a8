import ArgumentParser

/// dropin's exit statuses, the same for every command.
package enum ExitStatus {
    /// Everything is fine; warnings may have been shown.
    package static let success = ExitCode(0)
    /// The input has errors, or the output is stale or broken.
    package static let failure = ExitCode(1)
    /// The command could not run: bad arguments, a missing or unreadable file.
    package static let usage = ExitCode(2)
}
