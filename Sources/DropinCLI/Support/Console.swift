import Foundation

/// Where the commands write: standard output for results, standard error for diagnostics.
struct Console: Sendable {
    func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
    var colorsStandardError: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }
}
