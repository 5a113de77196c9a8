import Dispatch

/// Lets go of a large value on another thread while the build goes on: freeing what one stage
/// built (the YAML and value trees, the planned pages) is a walk over every node, which would
/// otherwise hold up the next stage (what this buys: BENCHMARKS.md). The caller hands over its
/// only reference (`releaseElsewhere(consume tree)`).
func releaseElsewhere<Value>(_ value: consuming Value) {
    // Only the unmanaged reference is left once `handing` returns: had this function kept one
    // of its own, releasing it after the other thread let go would free the value here.
    let handed = Handed.handing(value)
    DispatchQueue.global(qos: .utility).async { handed.release() }
}

/// Once handed over, only the thread that frees the value holds it.
private final class Handed<Value>: @unchecked Sendable {
    let value: Value

    private init(_ value: consuming Value) {
        self.value = value
    }

    static func handing(_ value: consuming Value) -> Unmanaged<Handed> {
        Unmanaged.passRetained(Handed(value))
    }
}
