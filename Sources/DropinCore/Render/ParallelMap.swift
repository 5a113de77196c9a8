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
/// Raw memory rather than an Array: an Array mutated from several threads at once is a race even
/// at distinct indices (each mutation may move or copy the whole buffer).
private final class Slots<Value>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<Value?>

    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: Value) {
        storage[index] = value
    }

    func values() -> [Value] {
        storage.map { $0! }
    }
}
