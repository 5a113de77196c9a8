import DropinCore
import Foundation

/// Validates manifest text as the file `dropin.yml`.
func validate(_ yaml: String) throws -> ManifestValidator.Result {
    let source = try ManifestSource.parse(Data(yaml.utf8), file: "dropin.yml")
    return ManifestValidator().validate(source)
}

/// A valid manifest of eight lines whose one page's components follow from line 9 on,
/// indented four more spaces than written; then the dwolla-web pin, unless the header has one.
func manifest(components: String, header: String = "") -> String {
    header + """
    version: 1
    environment: sandbox
    token:
      url: /api/dwolla/client-token
    pages:
      - path: a.html
        title: A
        components:

    """ + components.split(separator: "\n", omittingEmptySubsequences: false).map { "    " + $0 }.joined(separator: "\n")
        + "\n" + (header.contains("dwollaWeb:") ? "" : dwollaWebPin)
}

/// Test manifests pin dwolla-web, as `dropin init` does, unless the pin is what they test.
let dwollaWebPin = "dwollaWeb: \"3.0.0\"\n"

/// A diagnostic as tests write it: every field that a user sees.
struct Expected: CustomStringConvertible, Sendable {
    let severity: Severity
    let code: String
    let message: String
    let line: Int
    let column: Int
    let keyPath: String?

    init(_ code: String, _ message: String, at line: Int, _ column: Int, path: String?) {
        self.init(.error, code, message, at: line, column, path: path)
    }

    init(_ severity: Severity, _ code: String, _ message: String, at line: Int, _ column: Int, path: String?) {
        self.severity = severity
        self.code = code
        self.message = message
        self.line = line
        self.column = column
        self.keyPath = path
    }

    func matches(_ diagnostic: Diagnostic) -> Bool {
        diagnostic.severity == severity && diagnostic.code == code && diagnostic.message == message
            && diagnostic.location == SourceLocation(file: "dropin.yml", line: line, column: column)
            && diagnostic.keyPath == keyPath
    }

    var description: String { "\(line):\(column) \(severity) \(code) \(message) [\(keyPath ?? "")]" }
}

extension Diagnostic {
    var summary: String {
        "\(location.map { "\($0.line):\($0.column)" } ?? "-") \(severity) \(code) \(message) [\(keyPath ?? "")]"
    }
}
