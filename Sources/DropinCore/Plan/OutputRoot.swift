/// The two folders a build writes: what a browser loads, and what only the app's server and CI
/// read. Apps serve the public folder as it is, so nothing private may land in it.
public enum OutputRoot: String, CaseIterable, Comparable, Sendable {
    /// Pages, the index, configure.js, params.js and the stylesheet: the manifest's `output`.
    case `public`
    /// Snippets, the token route's code, contract and allowlist, and the ownership record: the
    /// manifest's `privateOutput`.
    case `private`

    /// Public first, as builds visit them.
    public static func < (lhs: OutputRoot, rhs: OutputRoot) -> Bool {
        lhs == .public && rhs == .private
    }
}

/// One value for each output folder, in the order builds visit them: public, then private, where
/// the ownership record is written last.
public struct PerRoot<Value: Sendable>: Sendable {
    public var `public`: Value
    public var `private`: Value

    public init(public: Value, private: Value) {
        self.public = `public`
        self.private = `private`
    }

    /// The value for each root from `make`.
    public init(_ make: (OutputRoot) throws -> Value) rethrows {
        self.init(public: try make(.public), private: try make(.private))
    }

    public subscript(root: OutputRoot) -> Value {
        get { root == .public ? self.public : self.private }
        set { if root == .public { self.public = newValue } else { self.private = newValue } }
    }

    public func map<T>(_ transform: (OutputRoot, Value) throws -> T) rethrows -> PerRoot<T> {
        try PerRoot<T> { root in try transform(root, self[root]) }
    }

    /// Both values with their roots, public first.
    public var all: [(root: OutputRoot, value: Value)] {
        [(.public, self.public), (.private, self.private)]
    }
}
