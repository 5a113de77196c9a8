import Foundation

/// Where the commands write: standard output for results, standard error for diagnostics.
package struct Console: Sendable {
    package init() {}

    package func out(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    package func err(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Colour only for a person at a terminal, and never when NO_COLOR is set (no-color.org).
    package var colorsStandardError: Bool {
        let environment = ProcessInfo.processInfo.environment
        return isatty(STDERR_FILENO) == 1 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
    }
}
