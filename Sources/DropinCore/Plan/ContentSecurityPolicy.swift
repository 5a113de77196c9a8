/// The Content-Security-Policy of the generated pages: what dwolla-web.js and dropin's own
/// scripts need, nothing more, plus what the manifest adds. No 'unsafe-inline': the pages carry
/// no inline script.
public enum ContentSecurityPolicy {
    static let dwollaCDN = "https://cdn.dwolla.com"

    public static func policy(environment: Environment, tokenURL: String,
                              additions: [(directive: String, sources: [String])]) -> String {
        var directives: [(name: String, sources: [String])] = [
            ("default-src", ["'none'"]),
            ("script-src", ["'self'", dwollaCDN]),
            ("style-src", ["'self'", dwollaCDN]),
            ("img-src", ["'self'", "data:", dwollaCDN]),
            ("font-src", ["'self'", dwollaCDN]),
            ("connect-src", ["'self'", environment.apiBase] + (origin(of: tokenURL).map { [$0] } ?? [])),
            ("base-uri", ["'none'"]),
            ("form-action", ["'self'"]),
        ]
        for (directive, sources) in additions {
            if let index = directives.firstIndex(where: { $0.name == directive }) {
                // A source added to a directive that allowed nothing replaces 'none'.
                let kept = directives[index].sources.filter { $0 != "'none'" }
                directives[index].sources = unique(kept + sources)
            } else {
                directives.append((directive, unique(sources)))
            }
        }
        return directives.map { ([$0.name] + $0.sources).joined(separator: " ") }.joined(separator: "; ")
    }

    /// One source expression: no spaces, separators or quotes that could end the policy early.
    public static func isSource(_ text: String) -> Bool {
        guard !text.isEmpty else { return false }
        if text.hasPrefix("'") { return text.count > 2 && text.hasSuffix("'") && !text.dropFirst().dropLast().contains("'") }
        return !text.unicodeScalars.contains { $0.value <= 0x20 || $0.value >= 0x7F || ";,'\"".unicodeScalars.contains($0) }
    }

    private static func origin(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://"), url.hasPrefix("http") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return String(url[..<schemeEnd.upperBound]) + host
    }

    private static func unique(_ sources: [String]) -> [String] {
        var seen = Set<String>()
        return sources.filter { seen.insert($0).inserted }
    }
}
