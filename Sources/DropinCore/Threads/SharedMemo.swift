import Foundation

/// Values worked out once per key and shared by every thread. The lock is not held while a value
/// is worked out, so two threads may work out the same one at once; both get the same value.
final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Key: Value] = [:]

    func value(for key: Key, _ workOut: () -> Value) -> Value {
        if let known = lock.withLock({ values[key] }) { return known }
        let value = workOut()
        lock.withLock { values[key] = value }
        return value
    }
}
