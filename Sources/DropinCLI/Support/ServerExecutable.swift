import Foundation

/// `dropin-serve`, found beside the running `dropin` (after following links to it).
enum ServerExecutable {
    static let name = "dropin-serve"

    /// Becomes `dropin-serve` with `arguments`: the server then owns the process, its signals
    /// and its exit status. Returns only by throwing, when it cannot be started.
    static func replaceProcess(arguments: [String]) throws -> Never {
        let path = location()
        guard FileManager.default.isExecutableFile(atPath: path) else {
            Console().err("error: dropin serve runs \(name), which is not beside dropin (\(path) is missing): install both executables from .build/release\n")
            throw ExitStatus.usage
        }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        execv(path, argv)
        let reason = String(cString: strerror(errno))
        Console().err("error: \(path) could not be started: \(reason)\n")
        throw ExitStatus.failure
    }

    private static func location() -> String {
        let running = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            ?? URL(fileURLWithPath: CommandLine.arguments[0]).standardizedFileURL.path
        return URL(fileURLWithPath: running).deletingLastPathComponent().appendingPathComponent(name).path
    }
}
