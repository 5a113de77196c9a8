import Foundation

/// Rules on the manifest's top-level settings: the pinned library, folders, the token route and
/// the callbacks.
struct ProjectRules {
    let catalog: Catalog

    /// The pinned version, or nil (reported) when it is not one dropin knows.
    func dwollaWeb(_ pinned: Located<String>, into diagnostics: inout [Diagnostic]) -> DwollaWebVersion? {
        guard let version = DwollaWebVersion(pinned.value) else {
            diagnostics.append(.error("inexact-version",
                "dwollaWeb must be an exact version such as \(catalog.newestVersion), not '\(pinned.value)': Dwolla asks apps to pin one",
                at: pinned.location, path: pinned.path))
            return nil
        }
        guard catalog.versions.contains(version) else {
            // The nearest release below is the likeliest meant: a typo'd patch, or a release newer than the catalog.
            let nearest = catalog.versions.filter { $0 < version }.max()
            diagnostics.append(.error("unknown-version",
                "dropin does not know dwolla-web \(version)"
                + (nearest.map { "; did you mean \($0)?" } ?? ";")
                + " Known versions: \(catalog.versions.map(\.description).joined(separator: ", "))",
                at: pinned.location, path: pinned.path))
            return nil
        }
        return version
    }

    func output(_ output: Located<String>) -> [Diagnostic] {
        let path = output.value
        if path.isEmpty {
            return [.error("invalid-path", "'output' is empty: name a folder relative to the manifest, such as site",
                           at: output.location, path: output.path)]
        }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            return [.error("invalid-path",
                "'output' must be relative to the manifest, not absolute, so the project builds the same on every machine",
                at: output.location, path: output.path)]
        }
        return []
    }

    func styles(_ styles: Located<String>) -> [Diagnostic] {
        if let problem = RelativePath.problem(in: styles.value) {
            return [.error("invalid-path", RelativePath.explain(problem, key: "styles", folder: "the output folder"),
                           at: styles.location, path: styles.path)]
        }
        if !styles.value.lowercased().hasSuffix(".css") {
            return [.error("invalid-path", "'styles' names a stylesheet: end it in .css",
                           at: styles.location, path: styles.path)]
        }
        return []
    }

    func token(_ token: Manifest.Token, environment: Environment?) -> [Diagnostic] {
        let url = token.url
        func error(_ message: String) -> [Diagnostic] {
            [.error("invalid-token-url", message, at: url.location, path: url.path)]
        }
        if url.value.unicodeScalars.contains(where: { RelativePath.isControl($0) || $0 == " " }) {
            return error("token.url contains a space or control character: percent-encode it")
        }
        if url.value.hasPrefix("//") {
            return error("token.url must not be protocol-relative ('//host'): write https://host/path, or a path such as /api/dwolla/client-token")
        }
        if url.value.hasPrefix("/") { return csrf(token) }
        guard let components = URLComponents(string: url.value), let scheme = components.scheme?.lowercased() else {
            return error("token.url must be a path on the app's own site, starting with '/' (such as /api/dwolla/client-token), or an https URL")
        }
        guard scheme == "https" || scheme == "http", components.host?.isEmpty == false else {
            return error("token.url must be a path starting with '/' or an https URL, not a '\(scheme):' URL")
        }
        if components.user != nil || components.password != nil {
            return error("token.url must not carry a user name or password: the pages' policy and every browser would see them")
        }
        if let origin = ContentSecurityPolicy.origin(of: url.value), !ContentSecurityPolicy.isSource(origin) {
            return error("token.url's origin '\(origin)' is not a plain scheme, host and port: write one such as https://api.example.com")
        }
        if scheme == "http" && environment == .production {
            return error("token.url uses http in production: client tokens would cross the network unencrypted; use https or a path starting with '/'")
        }
        return csrf(token)
    }

    static func lang(_ lang: Located<String>) -> [Diagnostic] {
        let subtags = lang.value.split(separator: "-", omittingEmptySubsequences: false)
        let valid = !subtags.isEmpty && subtags.allSatisfy { tag in
            (1...8).contains(tag.count) && tag.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        }
        guard !valid else { return [] }
        let hyphenated = lang.value.replacingOccurrences(of: "_", with: "-")
        let example = hyphenated != lang.value && Self.lang(Located(hyphenated, at: lang.location, path: lang.path)).isEmpty
            ? hyphenated : "en or en-US"
        return [.error("invalid-lang", "'\(lang.value)' is not a language tag: write one such as \(example)",
                       at: lang.location, path: lang.path)]
    }

    func publicPath(_ publicPath: Located<String>) -> [Diagnostic] {
        let value = publicPath.value
        let isPath = value.hasPrefix("/") && !value.hasPrefix("//")
        let isURL = value.hasPrefix("https://") || value.hasPrefix("http://")
        guard (isPath || isURL) && value.hasSuffix("/"), Self.isURLText(value) else {
            return [.error("invalid-public-path",
                "publicPath must be the URL path your app serves the output folder at, starting and ending with '/' (such as / or /static/dropin/), not '\(value)'",
                at: publicPath.location, path: publicPath.path)]
        }
        return []
    }

    func templates(_ templates: Located<String>) -> [Diagnostic] {
        let value = templates.value.hasSuffix("/") && templates.value.count > 1 ? String(templates.value.dropLast()) : templates.value
        if let problem = RelativePath.problem(in: value) {
            return [.error("invalid-path", RelativePath.explain(problem, key: "templates", folder: "the manifest's folder"),
                           at: templates.location, path: templates.path)]
        }
        return []
    }

    /// Only the characters a URL may hold (RFC 3986), `%` only before two hex digits: nothing
    /// a browser would have to repair, nor a brace or percent sign an app's template engine
    /// would read as its own tag in the snippets' links.
    static func isURLText(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        let allowed = Set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~!$&()*+,;=:@/".utf8)
        func isHex(_ index: Int) -> Bool {
            index < bytes.count && (Set("0123456789abcdefABCDEF".utf8)).contains(bytes[index])
        }
        return bytes.indices.allSatisfy { index in
            allowed.contains(bytes[index]) || (bytes[index] == UInt8(ascii: "%") && isHex(index + 1) && isHex(index + 2))
        }
    }

    static let cspDirectives = [
        "default-src", "script-src", "style-src", "img-src", "font-src", "connect-src", "frame-src",
        "media-src", "worker-src", "manifest-src", "object-src", "form-action", "base-uri",
    ]

    func csp(_ csp: Manifest.CSPSettings) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (directive, sources) in csp.additions {
            if !Self.cspDirectives.contains(directive.value) {
                diagnostics.append(.error("invalid-csp",
                    "'\(directive.value)' is not a directive dropin can extend"
                    + (Suggestion.closest(to: directive.value, in: Self.cspDirectives).map { "; did you mean '\($0)'?" }
                       ?? "; use one of \(Self.cspDirectives.joined(separator: ", "))"),
                    at: directive.location, path: directive.path))
            }
            for source in sources where !ContentSecurityPolicy.isSource(source.value) {
                diagnostics.append(.error("invalid-csp",
                    "'\(source.value)' is not a CSP source: write one per item, an origin such as https://fonts.example.com, a scheme such as data:, a keyword such as 'unsafe-inline', or a nonce or hash source",
                    at: source.location, path: source.path))
            }
        }
        return diagnostics
    }

    func csrf(_ token: Manifest.Token) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let meta = token.csrfMeta, header = token.csrfHeader
        func isToken(_ text: String, extra: Set<Unicode.Scalar>) -> Bool {
            !text.isEmpty && text.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || extra.contains($0))
            }
        }
        if !isToken(meta.value, extra: ["_", ".", ":"]) {
            diagnostics.append(.error("invalid-csrf", "token.csrf.meta must be a meta name such as csrf-token, not '\(meta.value)'",
                                      at: meta.location, path: meta.path))
        }
        if !isToken(header.value, extra: []) {
            diagnostics.append(.error("invalid-csrf", "token.csrf.header must be a header name such as X-CSRF-Token, not '\(header.value)'",
                                      at: header.location, path: header.path))
        }
        return diagnostics
    }

    func callbacks(_ callbacks: Manifest.Callbacks) -> [Diagnostic] {
        [callbacks.success, callbacks.error].compactMap { name in
            guard let name, !JavaScript.isFunctionPath(name.value) else { return nil }
            return .error("invalid-callback",
                "'\(name.value)' is not a JavaScript function name: name a global function such as onDwollaSuccess (or app.onDwollaSuccess)",
                at: name.location, path: name.path)
        }
    }
}

enum JavaScript {
    /// A global function or a dotted path to one (`onSuccess`, `app.dwolla.onSuccess`): what
    /// configure.js may call by name without evaluating anything.
    static func isFunctionPath(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy(isIdentifier)
    }

    static func isIdentifier(_ text: Substring) -> Bool {
        guard let first = text.unicodeScalars.first, !reservedWords.contains(String(text)) else { return false }
        func isStart(_ s: Unicode.Scalar) -> Bool { s == "_" || s == "$" || (s.isASCII && s.properties.isAlphabetic) }
        return isStart(first) && text.unicodeScalars.dropFirst().allSatisfy {
            isStart($0) || ("0"..."9").contains($0)
        }
    }

    private static let reservedWords: Set<String> = [
        "break", "case", "catch", "class", "const", "continue", "debugger", "default", "delete", "do",
        "else", "export", "extends", "false", "finally", "for", "function", "if", "import", "in",
        "instanceof", "new", "null", "return", "super", "switch", "this", "throw", "true", "try",
        "typeof", "var", "void", "while", "with", "yield", "let", "static", "enum", "await",
    ]
}
