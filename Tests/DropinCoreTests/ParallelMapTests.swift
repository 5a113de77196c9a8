@testable import DropinCore
import Testing

struct ParallelMapTests {
    /// Every result lands at its item's index, however the threads interleave: run often enough
    /// that a race between threads writing results would show.
    @Test func resultsKeepTheOrderOfTheItems() {
        for count in [0, 1, 2, 7, 64, 1_000, 20_000] {
            let items = (0..<count).map { "item \($0)" }
            for _ in 0..<20 {
                #expect(parallelMap(items) { $0 + "!" } == items.map { $0 + "!" })
            }
        }
    }

    @Test func aParallelMapInsideAnotherKeepsOrderToo() {
        let rows = (0..<50).map { row in (0..<300).map { row * 1_000 + $0 } }
        #expect(parallelMap(rows) { row in parallelMap(row) { $0 * 2 } } == rows.map { $0.map { $0 * 2 } })
    }
}
