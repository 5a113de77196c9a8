@testable import DropinCore
import Foundation
import Testing

/// The hand-offs that keep freeing large trees off a build's path (their gain is in
/// BENCHMARKS.md): a value handed to `releaseElsewhere` is freed, on another thread, and a
/// manifest's YAML tree is given to the validator once, then let go.
struct ReleaseElsewhereTests {
    final class Watched: @unchecked Sendable {
        let freed: DispatchSemaphore
        let handingThread: pthread_t
        nonisolated(unsafe) static var freedOnHandingThread: Bool?

        init(freed: DispatchSemaphore) {
            self.freed = freed
            handingThread = pthread_self()
        }

        deinit {
            Self.freedOnHandingThread = pthread_equal(pthread_self(), handingThread) != 0
            freed.signal()
        }
    }

    @Test func aHandedValueIsFreedOnAnotherThread() {
        let freed = DispatchSemaphore(value: 0)
        releaseElsewhere(Watched(freed: freed))
        #expect(freed.wait(timeout: .now() + 30) == .success, "the handed value was never freed")
        #expect(Watched.freedOnHandingThread == false)
    }

    @Test func theManifestTreeIsTakenOnceThenParsedAgainOnDemand() throws {
        let source = try ManifestSource.parse(Data("version: 1\npages: []\n".utf8), file: "dropin.yml")
        let first = try #require(source.takeRoot())
        #expect(source.tree.root == nil, "the source still holds the tree it gave away")
        let second = try #require(source.takeRoot(), "after the tree is taken, the text is parsed again")
        #expect(first == second)
    }
}
