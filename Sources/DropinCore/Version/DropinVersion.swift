import Foundation
import Yams

/// This dropin's version, from this one place: `dropin --version` prints it, and a manifest's
/// `dropin` key names the versions it may be built with (`DropinRequirement`).
public enum DropinVersion {
    public static let current = "0.1.0"
}

/// The dropin versions a manifest may be built with, as its `dropin` key states them: `0.1`
/// (any 0.1.x), `0.1.2` (exactly), `>= 0.1, < 0.3` (every clause holds), with `=`, `>`, `>=`,
/// `<` and `<=`. A developer's dropin and CI's must be the same one: another writes other bytes
/// (the record's fingerprint names the dropin that built), so a mismatch stops before anything
/// is written.
public struct DropinRequirement: Sendable, Equatable {
    enum Operator: String, Sendable, CaseIterable {
        // Longest first, so that `>=` is not read as `>`.
        case atLeast = ">=", atMost = "<=", above = ">", below = "<", equal = "="
    }

    struct Clause: Sendable, Equatable {
        let comparison: Operator?
        /// As written: one to three numbers.
        let parts: [Int]
    }

    let clauses: [Clause]

    /// Nil when the text is not a requirement.
    public init?(_ text: String) {
        var clauses: [Clause] = []
        for piece in text.split(separator: ",", omittingEmptySubsequences: false) {
            var rest = Substring(piece.trimmingCharacters(in: .whitespaces))
            let comparison = Operator.allCases.first { rest.hasPrefix($0.rawValue) }
            rest = rest.dropFirst(comparison?.rawValue.count ?? 0).drop { $0 == " " }
            let numbers = rest.split(separator: ".", omittingEmptySubsequences: false)
            guard (1...3).contains(numbers.count),
                  numbers.allSatisfy({ !$0.isEmpty && $0.count < 9 && $0.allSatisfy { $0.isASCII && $0.isNumber } })
            else { return nil }
            clauses.append(Clause(comparison: comparison, parts: numbers.map { Int($0)! }))
        }
        self.clauses = clauses
    }

    /// Whether `version` (`X.Y.Z`) meets every clause. A partial version stands for all it
    /// starts: `> 0.1` and `<= 0.1` compare 0.1.x as a whole, `>= 0.1` and `< 0.1` from 0.1.0.
    public func allows(_ version: String) -> Bool {
        let given = version.split(separator: ".").compactMap { Int($0) }
        return clauses.allSatisfy { clause in
            let start = clause.parts + Array(repeating: 0, count: 3 - clause.parts.count)
            let prefix = Array(given.prefix(clause.parts.count))
            switch clause.comparison {
            case nil, .equal?: return prefix == clause.parts
            case .atLeast?: return !given.lexicographicallyPrecedes(start)
            case .below?: return given.lexicographicallyPrecedes(start)
            case .above?: return clause.parts.lexicographicallyPrecedes(prefix)
            case .atMost?: return !clause.parts.lexicographicallyPrecedes(prefix)
            }
        }
    }
}

extension DropinRequirement {
    /// The manifest's `dropin` requirement, read before anything else: a manifest for another
    /// dropin may use keys this one does not know, which would only hide the real problem. Nil
    /// when the manifest states none, or this dropin meets it.
    static func problem(in root: Node, file: String) -> Diagnostic? {
        let key: String = "dropin"
        guard let node = root[key], let text = node.scalar?.string else { return nil }
        let location = SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
        let path = KeyPath.root.appending("dropin")
        guard let requirement = DropinRequirement(text) else {
            return .error("invalid-dropin-version",
                "'\(text)' is not a dropin version requirement: write one such as \"\(DropinVersion.current)\", \"0.1\" or \">= 0.1, < 0.3\"",
                at: location, path: path)
        }
        guard requirement.allows(DropinVersion.current) else {
            return .error("wrong-dropin-version",
                "this manifest requires dropin \(text), and this is dropin \(DropinVersion.current): run the dropin it names (the same one as CI), or change 'dropin' here",
                at: location, path: path)
        }
        return nil
    }
}
