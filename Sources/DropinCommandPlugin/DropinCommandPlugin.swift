import Foundation
import PackagePlugin

/// `swift package --allow-writing-to-package-directory dropin build` (or `check`, or any other
/// dropin command) for Swift apps that keep dropin as a package dependency: runs the dropin this
/// package builds, in the app package's folder, with the arguments as given, so the version the
/// app pins in its Package.swift is the one that writes and checks its output.
@main
struct DropinCommandPlugin: CommandPlugin {
    func performCommand(context: PluginContext, arguments: [String]) async throws {
        if arguments.first == "serve" {
            throw PluginFailure.serveNeedsItsServer
        }
        let dropin = try buildDropin()
        let process = Process()
        process.executableURL = dropin
        process.arguments = arguments
        process.currentDirectoryURL = context.package.directoryURL
        try process.run()
        process.waitUntilExit()
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw PluginFailure.dropinFailed(arguments: arguments, status: process.terminationStatus)
        }
    }

    /// Built as the app's own `swift build --product dropin` would, in its build folder: a tool
    /// dependency of the plugin would be rebuilt from scratch on every invocation
    /// (swiftlang/swift-package-manager#7210).
    private func buildDropin() throws -> URL {
        let result = try packageManager.build(.product("dropin"), parameters: .init(configuration: .debug, logging: .concise))
        guard result.succeeded, let dropin = result.builtArtifacts.first(where: { $0.kind == .executable }) else {
            throw PluginFailure.buildFailed(log: result.logText)
        }
        return dropin.url
    }
}

enum PluginFailure: Error, CustomStringConvertible {
    case dropinFailed(arguments: [String], status: Int32)
    case serveNeedsItsServer
    case buildFailed(log: String)

    var description: String {
        switch self {
        case let .dropinFailed(arguments, status):
            "dropin \(arguments.joined(separator: " ")) exited with status \(status) (1: the manifest has errors, or the output is stale, broken or in the way; 2: the command could not run); dropin's own messages say what to do"
        case let .buildFailed(log):
            "building dropin failed:\n\(log)"
        case .serveNeedsItsServer:
            "dropin serve needs its development server, which the plugin does not build: run `swift run dropin-serve` with the same options instead"
        }
    }
}
