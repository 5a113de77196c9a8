/// What a command leaves for the operating system to reclaim when the process ends.
enum ProcessEnd {
    /// Keeps `value` alive to the end of the process. Freeing a large build's pages, contexts and
    /// texts one by one is work the process, which exits right after, does not need; compilers
    /// skip this teardown for the same reason (what this buys: BENCHMARKS.md).
    static func leave<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Kept(value))
    }

    private final class Kept<Value> {
        let value: Value

        init(_ value: Value) {
            self.value = value
        }
    }
}
