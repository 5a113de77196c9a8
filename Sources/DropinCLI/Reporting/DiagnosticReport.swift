import DropinCore
import Foundation

/// The diagnostics of one command run, in the format the user asked for.
struct DiagnosticReport {
    let command: String
    let manifest: String
    let diagnostics: [Diagnostic]

    /// The versioned JSON document (`--format json`).
    func json(extra: [String: JSONValue] = [:]) -> String {
        var document: [String: JSONValue] = [
            "formatVersion": .int(2),
            "command": .string(command),
            "manifest": .string(manifest),
            "errors": .int(diagnostics.errorCount),
            "warnings": .int(diagnostics.warningCount),
            "diagnostics": .array(diagnostics.map(Self.json)),
        ]
        document.merge(extra) { $1 }
        return JSONValue.object(document).rendered()
    }

    static func json(_ diagnostic: Diagnostic) -> JSONValue {
        var object: [String: JSONValue] = [
            "severity": .string(diagnostic.severity.rawValue),
            "code": .string(diagnostic.code),
            "message": .string(diagnostic.message),
            "file": diagnostic.location.map { .string($0.file) } ?? .null,
            "line": diagnostic.location.map { .int($0.line) } ?? .null,
            "column": diagnostic.location.map { .int($0.column) } ?? .null,
        ]
        object["keyPath"] = diagnostic.keyPath.map(JSONValue.string) ?? .null
        return .object(object)
    }

    /// GitHub Actions workflow commands, one annotation per diagnostic (`--format github`).
    func github() -> String {
        diagnostics.map { diagnostic in
            var properties = ["file=\(Self.escapeProperty(diagnostic.location?.file ?? manifest))"]
            if let location = diagnostic.location {
                properties += ["line=\(location.line)", "col=\(location.column)"]
            }
            properties.append("title=\(Self.escapeProperty("dropin \(command): \(diagnostic.code)"))")
            let keyPath = diagnostic.keyPath.map { " [\($0)]" } ?? ""
            return "::\(diagnostic.severity.rawValue) \(properties.joined(separator: ","))::"
                + Self.escapeData(diagnostic.message + keyPath) + "\n"
        }.joined()
    }

    /// A closing line for people: counts of errors and warnings.
    var tally: String {
        func plural(_ count: Int, _ noun: String) -> String { "\(count) \(noun)\(count == 1 ? "" : "s")" }
        return "\(manifest): \(plural(diagnostics.errorCount, "error")), \(plural(diagnostics.warningCount, "warning"))"
    }

    // Escaping as the Actions toolkit does it, so messages cannot end an annotation early.
    static func escapeData(_ text: String) -> String {
        text.replacingOccurrences(of: "%", with: "%25")
            .replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }

    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
