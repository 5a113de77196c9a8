import ArgumentParser

/// dropin's exit statuses, the same for every command.
enum ExitStatus {
    /// Everything is fine; warnings may have been shown.
    static let success = ExitCode(0)
    /// The input has errors, or the output is stale or broken.
    static let failure = ExitCode(1)
    /// The command could not run: bad arguments, a missing or unreadable file.
    static let usage = ExitCode(2)
}
