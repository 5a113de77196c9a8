public enum Severity: String, Codable, Sendable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .warning && rhs == .error
    }
}

/// One problem found in the user's input, with enough to find and fix it: where it is (file,
/// line, column and key path) and a message that says what to do.
public struct Diagnostic: Hashable, Codable, Sendable {
    public var severity: Severity
    /// A stable identifier of the rule, for scripts and tests (`unknown-key`, `missing-attribute`).
    public var code: String
    public var message: String
    public var location: SourceLocation?
    public var keyPath: String?

    public init(
        _ severity: Severity, _ code: String, _ message: String,
        at location: SourceLocation? = nil, path: KeyPath? = nil
    ) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.keyPath = path.map(\.description).flatMap { $0.isEmpty ? nil : $0 }
    }

    public static func error(
        _ code: String, _ message: String, at location: SourceLocation? = nil, path: KeyPath? = nil
    ) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, path: path)
    }

    public static func warning(
        _ code: String, _ message: String, at location: SourceLocation? = nil, path: KeyPath? = nil
    ) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, path: path)
    }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }
    public var errorCount: Int { filter { $0.severity == .error }.count }
    public var warningCount: Int { filter { $0.severity == .warning }.count }

    /// In reading order, so output is the same in every run.
    public func sortedByLocation() -> [Diagnostic] {
        enumerated().sorted { lhs, rhs in
            switch (lhs.element.location, rhs.element.location) {
            case let (l?, r?) where l != r: return l < r
            case (nil, _?): return true
            case (_?, nil): return false
            default: return lhs.offset < rhs.offset
            }
        }.map(\.element)
    }
}
