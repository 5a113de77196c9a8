import Foundation

/// Where a manifest writes its output and keeps its templates, read from its top-level lines
/// without parsing the YAML, so that `check` can find the ownership record cheaply. A hint
/// only: the input fingerprint covers these values, so a wrong hint can miss the record but
/// never match it. Anything unusual (quotes with escapes, flow style, a repeated key) gives no
/// hint, and the manifest is parsed as usual; so do deployments, whose folders are nested.
struct ManifestFolders: Equatable {
    var output: String
    /// As written; nil for the default beside `output`.
    var privateOutput: String?
    var templates: String?

    /// The private folder a build of these hints uses; nil when `output` has no name to put
    /// one beside (the manifest will be refused).
    var effectivePrivateOutput: String? {
        privateOutput ?? ManifestSchema.defaultPrivateOutput(besides: output)
    }

    static func scan(_ data: Data) -> ManifestFolders? {
        var hints = ManifestFolders(output: ManifestSchema.defaultOutput, privateOutput: nil, templates: nil)
        var seen = Set<String>()
        for line in candidateLines(data) {
            guard let (key, rest) = topLevelKey(line[...], among: ["output", "privateOutput", "templates", "deployments"]) else { continue }
            guard key != "deployments", seen.insert(key).inserted, let value = scalar(rest) else { return nil }
            switch key {
            case "output": hints.output = value
            case "privateOutput": hints.privateOutput = value
            default: hints.templates = value
            }
        }
        return hints
    }

    /// The lines that start like one of the keys; found on bytes, since a manifest of 10,000
    /// pages is 3 MB and has two such lines.
    private static func candidateLines(_ data: Data) -> [String] {
        data.withoutByteOrderMark.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> [String] in
            let bytes = raw.bindMemory(to: UInt8.self)
            var start = 0
            var lines: [String] = []
            while start < bytes.count {
                let end = bytes.firstIndex(of: 0x0A, from: start) ?? bytes.count
                switch bytes[start] {
                case UInt8(ascii: "o"), UInt8(ascii: "p"), UInt8(ascii: "t"), UInt8(ascii: "d"):
                    var line = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    if line.hasSuffix("\r") { line.removeLast() }
                    lines.append(line)
                default:
                    break
                }
                start = end + 1
            }
            return lines
        }
    }

    private static func topLevelKey(_ line: Substring, among keys: [String]) -> (String, Substring)? {
        for key in keys where line.hasPrefix(key + ":") {
            let rest = line.dropFirst(key.count + 1)
            if rest.isEmpty || rest.first == " " || rest.first == "\t" { return (key, rest) }
        }
        return nil
    }

    /// A plain or simply quoted one-line value, with an optional trailing comment.
    private static func scalar(_ rest: Substring) -> String? {
        let text = rest.drop { $0 == " " || $0 == "\t" }
        guard let first = text.first else { return nil }
        if first == "\"" || first == "'" {
            let body = text.dropFirst()
            guard let end = body.firstIndex(of: first) else { return nil }
            let value = body[..<end]
            let after = body[body.index(after: end)...].drop { $0 == " " || $0 == "\t" }
            guard !value.contains("\\"), after.isEmpty || after.first == "#" else { return nil }
            return String(value)
        }
        guard !"&*!|>[]{}%@`#,?:-\"'".contains(first) else { return nil }
        var value = text
        if let comment = value.range(of: " #") ?? value.range(of: "\t#") { value = value[..<comment.lowerBound] }
        while let last = value.last, last == " " || last == "\t" { value = value.dropLast() }
        guard !value.contains(": "), !value.isEmpty else { return nil }
        return String(value)
    }
}
