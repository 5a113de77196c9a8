import Dispatch

/// Lets go of a large value on another thread while the build goes on. Freeing what one stage
/// built for 10,000 pages (the YAML and value trees, the planned pages) took tens of
/// milliseconds each, on one core while the other waited. The caller hands over its only
/// reference (`releaseElsewhere(consume tree)`).
func releaseElsewhere<Value>(_ value: consuming Value) {
    let handed = Handed(value)
    DispatchQueue.global(qos: .utility).async { withExtendedLifetime(handed) {} }
}

/// Once handed over, only the thread that frees the value holds it.
private final class Handed<Value>: @unchecked Sendable {
    let value: Value

    init(_ value: consuming Value) {
        self.value = value
    }
}
