import Dispatch

/// Maps over the items on every core, keeping their order: results land at their item's index,
/// so output is the same however the work was spread. Items are handed out one at a time, so a
/// core that finishes early takes the next; with `largestFirst`, in decreasing size, so that one
/// long item does not finish alone at the end while the other cores wait.
func parallelMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], largestFirst size: ((Item) -> Int)? = nil, _ transform: @Sendable (Item) -> Result
) -> [Result] {
    let count = items.count
    guard count > 1 else { return items.map(transform) }
    let order = size.map { size in items.indices.sorted { size(items[$0]) > size(items[$1]) } } ?? Array(items.indices)
    let slots = Slots<Result>(count: count)
    DispatchQueue.concurrentPerform(iterations: count) { position in
        let index = order[position]
        slots.set(index, transform(items[index]))
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
