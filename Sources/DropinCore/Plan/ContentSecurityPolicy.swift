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

    /// One source expression of CSP Level 3's grammar: a keyword, a nonce or hash source, a
    /// scheme source, or a host source. Anything else could end the directive early or mean
    /// something else than it seems, so it is refused.
    public static func isSource(_ text: String) -> Bool {
        let lower = text.lowercased()
        if keywords.contains(lower) { return true }
        if lower.hasPrefix("'") { return isNonceOrHash(text) }
        if let colon = text.firstIndex(of: ":"), text.index(after: colon) == text.endIndex {
            return isScheme(text[..<colon])
        }
        return isHostSource(text)
    }

    /// 'none' is left out: added to a directive it would be ignored beside the others.
    static let keywords: Set<String> = [
        "'self'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'unsafe-hashes'", "'report-sample'",
        "'unsafe-allow-redirects'", "'wasm-unsafe-eval'",
    ]

    private static func isNonceOrHash(_ text: String) -> Bool {
        guard text.count > 2, text.hasSuffix("'") else { return false }
        let inner = text.dropFirst().dropLast()
        guard let dash = inner.firstIndex(of: "-") else { return false }
        guard ["nonce", "sha256", "sha384", "sha512"].contains(inner[..<dash].lowercased()) else { return false }
        let value = inner[inner.index(after: dash)...]
        let body = value.prefix { $0 != "=" }
        let padding = value.dropFirst(body.count)
        return !body.isEmpty && padding.count <= 2 && padding.allSatisfy { $0 == "=" }
            && body.unicodeScalars.allSatisfy { isAlphanumeric($0) || "+/-_".unicodeScalars.contains($0) }
    }

    private static func isScheme(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, isLetter(first) else { return false }
        return text.unicodeScalars.allSatisfy { isAlphanumeric($0) || "+-.".unicodeScalars.contains($0) }
    }

    /// `[scheme://]host[:port][path]`: host `*`, or `*.`-prefixed dotted labels of letters,
    /// digits and hyphens; port digits or `*`; a path without `;` or `,`, which separate the
    /// policy's parts.
    private static func isHostSource(_ text: String) -> Bool {
        var rest = Substring(text)
        if let range = rest.range(of: "://") {
            guard isScheme(rest[..<range.lowerBound]) else { return false }
            rest = rest[range.upperBound...]
        }
        let hostEnd = rest.firstIndex { $0 == ":" || $0 == "/" } ?? rest.endIndex
        let host = rest[..<hostEnd]
        rest = rest[hostEnd...]
        guard isHost(host) else { return false }
        if rest.first == ":" {
            let portEnd = rest.firstIndex(of: "/") ?? rest.endIndex
            let port = rest.dropFirst()[..<portEnd]
            guard port == "*" || (!port.isEmpty && port.unicodeScalars.allSatisfy { ("0"..."9").contains($0) }) else { return false }
            rest = rest[portEnd...]
        }
        return rest.unicodeScalars.allSatisfy { scalar in
            isAlphanumeric(scalar) || "-._~!$&'()*+=:@/%".unicodeScalars.contains(scalar)
        } && !rest.hasPrefix("//")
    }

    private static func isHost(_ host: Substring) -> Bool {
        if host == "*" { return true }
        var labels = host.hasPrefix("*.") ? host.dropFirst(2) : host
        if labels.hasSuffix(".") { labels = labels.dropLast() }
        let parts = labels.split(separator: ".", omittingEmptySubsequences: false)
        return !labels.isEmpty && parts.allSatisfy { part in
            !part.isEmpty && part.unicodeScalars.allSatisfy { isAlphanumeric($0) || $0 == "-" }
        }
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar)
    }

    private static func isAlphanumeric(_ scalar: Unicode.Scalar) -> Bool {
        isLetter(scalar) || ("0"..."9").contains(scalar)
    }

    /// The scheme, host and port of a full URL, in lowercase as browsers compare them; nil for
    /// a path.
    static func origin(of url: String) -> String? {
        guard let schemeEnd = url.range(of: "://"), url.lowercased().hasPrefix("http") else { return nil }
        let rest = url[schemeEnd.upperBound...]
        let host = rest.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        return (String(url[..<schemeEnd.upperBound]) + host).lowercased()
    }

    private static func unique(_ sources: [String]) -> [String] {
        var seen = Set<String>()
        return sources.filter { seen.insert($0).inserted }
    }
}
