import Dispatch
import Foundation

/// Maps over the items on every core, keeping their order: results land at their item's index,
/// so output is the same however the work was spread.
func parallelMap<Item: Sendable, Result: Sendable>(_ items: [Item], _ transform: @Sendable (Item) -> Result) -> [Result] {
    let count = items.count
    guard count > 1 else { return items.map(transform) }
    let slots = Slots<Result>(count: count)
    let chunks = min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
    DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
        for index in stride(from: chunk, to: count, by: chunks) {
            slots.set(index, transform(items[index]))
        }
    }
    return slots.values()
}

/// Storage each index of which one thread writes once, read only after every write is done.
private final class Slots<Value>: @unchecked Sendable {
    private var storage: [Value?]

    init(count: Int) {
        storage = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ value: Value) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    func values() -> [Value] {
        storage.map { $0! }
    }
}
