/// What a command leaves for the operating system to reclaim when the process ends.
enum ProcessEnd {
    /// Keeps `value` alive to the end of the process. Freeing a large build's pages, contexts and
    /// texts one by one took longer than the build spent writing them, and the process exits
    /// right after; compilers skip this teardown for the same reason.
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
