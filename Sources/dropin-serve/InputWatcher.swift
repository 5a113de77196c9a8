import DropinCLI
import Foundation
import ServiceLifecycle

/// Reads the manifest and the templates every 300 ms and builds again when they change (and
/// have stopped changing). A
/// failed build is shown on the terminal and in the pages, and watching goes on; a good one
/// ends the watcher, so that the server stops and starts again with it.
struct InputWatcher: Service {
    let builder: ServeBuilder
    let inputs: WatchedInputs
    /// What the build being served was made from.
    let since: WatchedInputs.Contents
    let live: LiveBuild

    func run() async throws {
        var last = since
        while !Task.isShuttingDownGracefully {
            try await Task.sleep(for: .milliseconds(300))
            let changed = inputs.read()
            guard changed != last else { continue }
            let current = try await settled(from: changed)
            last = current
            Console().out("Changed: building again\n")
            switch builder.build() {
            case let .built(rendered):
                await live.succeeded(.init(rendered: rendered, inputs: current))
                return
            case let .failed(report, _):
                await live.failed(report: report)
                Console().out("The build failed: the pages show why until it succeeds\n")
            }
        }
    }

    /// The inputs once two reads 100 ms apart agree: an editor may write a file in steps
    /// (truncate, then write), and a build of the half-written file would fail for nothing.
    private func settled(from changed: WatchedInputs.Contents) async throws -> WatchedInputs.Contents {
        var previous = changed
        while true {
            try await Task.sleep(for: .milliseconds(100))
            let next = inputs.read()
            if next == previous { return next }
            previous = next
        }
    }
}
