@testable import DropinCLI
import Testing

/// `build` and `check` leave their result to the operating system instead of freeing it page by
/// page at exit (the gain is in BENCHMARKS.md): what ProcessEnd is given is never freed.
struct ProcessEndTests {
    final class Watched {}

    @Test func aLeftValueOutlivesEveryReferenceToIt() {
        weak var watched: Watched?
        do {
            let value = Watched()
            watched = value
            ProcessEnd.leave(value)
        }
        #expect(watched != nil, "ProcessEnd freed what it was to leave to the process's end")
    }
}
