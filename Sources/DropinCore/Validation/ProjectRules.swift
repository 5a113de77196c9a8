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
        if version > catalog.newestVersion {
            // A release newer than this dropin: let it through, checked as the newest known.
            diagnostics.append(.warning("newer-dwolla-web",
                "dropin knows dwolla-web up to \(catalog.newestVersion): the pages load \(version), checked against \(catalog.newestVersion)'s components and attributes; a dropin that knows \(version) checks it fully",
                at: pinned.location, path: pinned.path))
            return catalog.newestVersion
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

    /// Left out, dwollaWeb is the newest release this dropin knows, so that upgrading dropin
    /// would change every page's script without a word.
    func unpinned(_ defaulted: Located<String>) -> Diagnostic {
        .warning("unpinned-dwolla-web",
            "no dwollaWeb: the pages load dwolla-web \(defaulted.value), the newest this dropin knows, and another dropin would load another; pin it with dwollaWeb: \"\(defaulted.value)\" at the top level",
            at: defaulted.location, path: defaulted.path)
    }

    /// `output` or `privateOutput`: a folder relative to the manifest.
    func folder(_ folder: Located<String>, key: String) -> [Diagnostic] {
        let path = folder.value
        if path.isEmpty {
            return [.error("invalid-path", "'\(key)' is empty: name a folder relative to the manifest, such as site",
                           at: folder.location, path: folder.path)]
        }
        if path.hasPrefix("/") || path.hasPrefix("~") {
            return [.error("invalid-path",
                "'\(key)' must be relative to the manifest, not absolute, so the project builds the same on every machine",
                at: folder.location, path: folder.path)]
        }
        return []
    }

    /// The private folder must not be served: not the public folder, nor inside it; and the
    /// public folder must not be inside the private one's `dropin/`, where dropin's own files go.
    /// `privateOutput` is nil when the manifest names none and `output` has no name to put one
    /// beside.
    /// `deployment` names the deployment the folders are of, when they may come from the top
    /// level. Lexical: `Pipeline` compares the folders again as the disk resolves them.
    func folders(output: Located<String>, privateOutput: Located<String>?, deployment: String? = nil) -> [Diagnostic] {
        let whose = deployment.map { " (deployment \($0))" } ?? ""
        guard let privateOutput else {
            return [.error("missing-private-output",
                "'output' is '\(output.value)'\(whose), which has no name to put the private folder beside: set privateOutput to a folder outside it, such as dropin-private",
                at: output.location, path: output.path)]
        }
        return Self.apart(output: (output, FolderPath(output.value)), privateOutput: (privateOutput, FolderPath(privateOutput.value)),
                          whose: whose)
    }

    /// The private folder outside the public one, and the public one outside the private
    /// one's `dropin/`, where dropin writes its private files.
    static func apart(output: (Located<String>, FolderPath), privateOutput: (Located<String>, FolderPath), whose: String) -> [Diagnostic] {
        let (publicFolder, publicPath) = output, (privateFolder, privatePath) = privateOutput
        if privatePath.isInside(publicPath) {
            return [.error("private-in-web-root",
                "privateOutput '\(privateFolder.value)' is inside output '\(publicFolder.value)'\(whose), which the app serves: snippets, token route code and dropin's record would be public. Put it beside, such as \(ManifestSchema.defaultPrivateOutput(besides: publicFolder.value) ?? "dropin-private")",
                at: privateFolder.location, path: privateFolder.path)]
        }
        if publicPath.isInside(privatePath.appending("dropin")) {
            return [.error("private-in-web-root",
                "output '\(publicFolder.value)'\(whose) is inside privateOutput's dropin/ folder, where dropin writes its private files: put it elsewhere",
                at: publicFolder.location, path: publicFolder.path)]
        }
        return []
    }

    /// dropin's own template overrides are read, not written: their folder may not be one dropin
    /// writes, or hold one.
    func templates(_ templates: Located<String>, apartFrom folders: [Located<String>]) -> [Diagnostic] {
        guard let folder = folders.first(where: { FolderPath($0.value).overlaps(FolderPath(templates.value)) }) else { return [] }
        return [.error("templates-in-output",
            "templates '\(templates.value)' (dropin's own template overrides) and the output folder '\(folder.value)' overlap: dropin would read what it writes. Give templates a folder of its own",
            at: templates.location, path: templates.path)]
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
        let problems = tokenURL(token.url)
        guard problems.isEmpty else { return problems }
        return tokenURL(token.url, in: environment, deployment: nil) + csrf(token)
    }

    /// What any token URL must be, in any environment.
    func tokenURL(_ url: Located<String>) -> [Diagnostic] {
        func error(_ message: String) -> [Diagnostic] {
            [.error("invalid-token-url", message, at: url.location, path: url.path)]
        }
        if url.value.unicodeScalars.contains(where: { RelativePath.isControl($0) || $0 == " " }) {
            return error("token.url contains a space or control character: percent-encode it")
        }
        if url.value.hasPrefix("//") {
            return error("token.url must not be protocol-relative ('//host'): write https://host/path, or a path such as /api/dwolla/client-token")
        }
        if url.value.hasPrefix("/") { return [] }
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
        return []
    }

    /// What a token URL must be in one environment: https in production. `deployment` names
    /// the deployment whose environment it is, for a URL it may have from the top level.
    func tokenURL(_ url: Located<String>, in environment: Environment?, deployment: String?) -> [Diagnostic] {
        guard environment == .production, url.value.lowercased().hasPrefix("http://") else { return [] }
        let whose = deployment.map { " (deployment \($0))" } ?? ""
        return [.error("invalid-token-url",
            "token.url uses http in production\(whose): client tokens would cross the network unencrypted; use https or a path starting with '/'",
            at: url.location, path: url.path)]
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

    /// Sent in a header by dwolla-web.js: printable ASCII, of a sensible length.
    func userAgent(_ userAgent: Located<String>) -> [Diagnostic] {
        let value = userAgent.value
        guard value.isEmpty || value.count > 200 || !value.unicodeScalars.allSatisfy({ (0x20...0x7E).contains($0.value) }) else { return [] }
        return [.error("invalid-user-agent",
            "userAgent must be 1 to 200 printable ASCII characters, such as acme-marketplace/2.3: it goes into a request header",
            at: userAgent.location, path: userAgent.path)]
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
