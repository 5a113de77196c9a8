import Foundation
import Testing

/// What a finished process left behind.
struct Outcome {
    let status: Int32
    let stdout: String
    let stderr: String
}

/// Runs a program to its end, with the environment tests rely on (no colours).
func run(_ executable: URL, _ arguments: [String], in folder: URL? = nil,
         environment overrides: [String: String?] = [:]) throws -> Outcome {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    process.currentDirectoryURL = folder
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    for (key, value) in overrides { environment[key] = value }
    process.environment = environment
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    process.standardInput = FileHandle.nullDevice
    try process.run()
    // Read both pipes while the process runs, so a full pipe cannot stall it.
    let group = DispatchGroup()
    nonisolated(unsafe) var outData = Data(), errData = Data()
    DispatchQueue.global().async(group: group) { outData = out.fileHandleForReading.readDataToEndOfFile() }
    DispatchQueue.global().async(group: group) { errData = err.fileHandleForReading.readDataToEndOfFile() }
    group.wait()
    process.waitUntilExit()
    return Outcome(status: process.terminationStatus,
                   stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
}

/// `run` for async tests: the wait happens on a Dispatch thread, not on one of the few threads
/// Swift's concurrency shares between all tests, which the fake Dwolla of other tests needs to
/// answer within serve's deadline. Every long run of an outside tool (Java's Nu checker,
/// schemathesis, the engines) goes through it, whatever the test itself talks to.
func runOffPool(_ executable: URL, _ arguments: [String], in folder: URL? = nil,
                environment overrides: [String: String?] = [:]) async throws -> Outcome {
    try await withCheckedThrowingContinuation { continuation in
        DispatchQueue.global().async {
            continuation.resume(with: Result { try run(executable, arguments, in: folder, environment: overrides) })
        }
    }
}

/// The `dropin` built beside this test bundle.
let dropinBinary = URL(fileURLWithPath: Bundle.main.bundlePath).appendingPathComponent("dropin")

func dropin(_ arguments: String..., in folder: URL) throws -> Outcome {
    try run(dropinBinary, arguments, in: folder)
}

/// A fresh folder for one test, removed when the test is done with it.
final class Scratch {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dropin-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    func read(_ name: String) throws -> String {
        try String(contentsOf: url.appendingPathComponent(name), encoding: .utf8)
    }
}

/// An external tool the suite needs, found on PATH. A missing tool fails the test: the README's
/// test command installs every one, and a skipped oracle would pass a broken build.
func requireTool(_ name: String) throws -> URL {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for folder in path.split(separator: ":") {
        let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
        if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
    }
    Issue.record("\(name) is not on PATH: run the tests with scripts/test, which installs it")
    throw MissingTool(name: name)
}

struct MissingTool: Error {
    let name: String
}

func parseJSON(_ text: String) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

/// Every regular file under `folder`, relative to it, in order.
func regularFiles(in folder: URL) -> [String] {
    (FileManager.default.subpaths(atPath: folder.path) ?? []).filter { path in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
    }.sorted()
}
