import Foundation
import Yams

/// The manifest as parsed: its text and its YAML tree.
public struct ManifestSource {
    public let file: String
    /// The bytes as read, for the input fingerprint.
    public let data: Data
    public let text: String
    let tree: Tree

    init(file: String, data: Data, text: String, root: Node?) {
        self.file = file
        self.data = data
        self.text = text
        self.tree = Tree(root: root)
    }

    /// The YAML tree, for the validator. The caller keeps the source (for showing lines) while
    /// the tree, many times the text's size, is let go as soon as it has been checked.
    final class Tree {
        private(set) var root: Node?
        init(root: Node?) { self.root = root }
        func take() -> Node? {
            defer { root = nil }
            return root
        }
    }

    /// The tree, taken out of the source; a later call parses the text again.
    func takeRoot() -> Node? {
        if let root = tree.take() { return root }
        return try? Self.yamlRoot(of: text)
    }

    /// The one way dropin reads YAML: Yams's basic resolver, as `ScalarTag` expects.
    package static func yamlRoot(of text: String) throws -> Node? {
        try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8).singleRoot()
    }

    /// Why a file could not be read as YAML at all: a problem with the input, not the manifest.
    public struct LoadError: Error, Sendable {
        public let diagnostic: Diagnostic
    }

    /// Parses manifest bytes. `file` is how messages name the file.
    /// A manifest of 10,000 pages is 3 MB; one over this is a mistake or an attack.
    public static let maximumSize = 32 * 1024 * 1024

    public static func parse(_ data: Data, file: String) throws(LoadError) -> ManifestSource {
        guard data.count <= maximumSize else {
            throw LoadError(diagnostic: .error("manifest-too-large",
                "\(file) is \(data.count / 1_048_576) MB; dropin reads manifests up to \(maximumSize / 1_048_576) MB: split the site, or check that this is the manifest"))
        }
        let bytes = data.withoutByteOrderMark
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw LoadError(diagnostic: .error("not-utf8",
                "\(file) is not UTF-8 text: save it as UTF-8", at: firstInvalidUTF8(in: bytes, file: file)))
        }
        if let place = NestingGuard.tooDeep(text, file: file) {
            throw LoadError(diagnostic: .error("nested-too-deep",
                "\(file) nests values more than \(NestingGuard.maximumDepth) levels deep; a manifest needs fewer than ten",
                at: place))
        }
        do {
            let root = try PartwiseParse.root(of: text) ?? yamlRoot(of: text)
            return ManifestSource(file: file, data: data, text: text, root: root)
        } catch let error as YamlError {
            throw LoadError(diagnostic: diagnostic(for: error, file: file, text: text))
        } catch {
            throw LoadError(diagnostic: .error("not-yaml", "\(file) could not be read as YAML", at: nil))
        }
    }

    private static func diagnostic(for error: YamlError, file: String, text: String) -> Diagnostic {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            let reason = [context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": ")
            return .error("not-yaml", "not valid YAML: \(reason)",
                          at: SourceLocation(file: file, line: mark.line, column: mark.column))
        case .reader(let problem, let offset, _, _):
            let place = offset.map { location(ofUTF8Offset: $0, in: text, file: file) }
            return .error("not-yaml", "not readable as YAML: \(problem)", at: place)
        default:
            return .error("not-yaml", "not valid YAML: \(error)", at: nil)
        }
    }

    private static func location(ofUTF8Offset offset: Int, in text: String, file: String) -> SourceLocation {
        var line = 1, column = 1, consumed = 0
        for scalar in text.unicodeScalars {
            if consumed >= offset { break }
            consumed += String(scalar).utf8.count
            if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
        }
        return SourceLocation(file: file, line: line, column: column)
    }

    private static func firstInvalidUTF8(in bytes: some Collection<UInt8>, file: String) -> SourceLocation {
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        var line = 1, column = 1
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput, .error:
                break decoding
            }
        }
        return SourceLocation(file: file, line: line, column: column)
    }
}
