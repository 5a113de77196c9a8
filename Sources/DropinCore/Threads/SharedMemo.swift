import Foundation

/// Values worked out once per key and shared by every thread. The lock is not held while a value
/// is worked out, so two threads may work out the same one at once; both get the same value.
final class SharedMemo<Key: Hashable, Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Prehashed: Value] = [:]

    func value(for key: Key, _ workOut: () -> Value) -> Value {
        let key = Prehashed(key)
        if let known = lock.withLock({ values[key] }) { return known }
        let value = workOut()
        lock.withLock { values[key] = value }
        return value
    }

    /// A key hashed before the lock is taken: the other core waits while it is held.
    private struct Prehashed: Hashable {
        let key: Key
        let hash: Int

        init(_ key: Key) {
            self.key = key
            hash = key.hashValue
        }

        func hash(into hasher: inout Hasher) {
            hasher.combine(hash)
        }

        static func == (left: Prehashed, right: Prehashed) -> Bool {
            left.hash == right.hash && left.key == right.key
        }
    }
}
