/// A YAML value that passed the structural check, with where it came from. Only well-typed
/// parts of the document survive into this tree, so the typed decoding after it cannot fail.
public struct CheckedValue: Sendable {
    public enum Kind: Sendable {
        case string(String)
        case bool(Bool)
        case int(Int)
        /// A number, kept as written so `1.10` stays `1.10`.
        case number(String)
        case list([CheckedValue])
        case map([Entry])
    }

    public struct Entry: Sendable {
        public let key: String
        public let keyLocation: SourceLocation
        public let value: CheckedValue
    }

    public let kind: Kind
    public let location: SourceLocation
    public let path: KeyPath

    public subscript(key: String) -> CheckedValue? {
        guard case .map(let entries) = kind else { return nil }
        return entries.first { $0.key == key }?.value
    }

    public var string: String? {
        if case .string(let text) = kind { return text }
        return nil
    }

    public var int: Int? {
        if case .int(let number) = kind { return number }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let flag) = kind { return flag }
        return nil
    }

    public var list: [CheckedValue] {
        if case .list(let items) = kind { return items }
        return []
    }

    public var entries: [Entry] {
        if case .map(let entries) = kind { return entries }
        return []
    }

    /// The value as `Located`, for the typed model. (Call it in a closure, not as a function
    /// value: `.map(value.located)` crashes swiftc 6.3.1's optimizer with an ownership error.)
    public func located<T>(_ value: T) -> Located<T> {
        Located(value, at: location, path: path)
    }
}

/// A typed value and the place in the manifest it came from, so later rules can point at it.
public struct Located<T>: CustomStringConvertible {
    public let value: T
    public let location: SourceLocation
    public let path: KeyPath

    public init(_ value: T, at location: SourceLocation, path: KeyPath) {
        self.value = value
        self.location = location
        self.path = path
    }

    public var description: String { "\(value)" }
}

extension Located: Sendable where T: Sendable {}
