public enum Environment: String, CaseIterable, Sendable, Codable {
    case sandbox
    case production

    /// The Dwolla API the components and the token route talk to.
    public var apiBase: String {
        switch self {
        case .sandbox: "https://api-sandbox.dwolla.com"
        case .production: "https://api.dwolla.com"
        }
    }
}

public enum TokenMode: String, CaseIterable, Sendable, Codable {
    /// `dwolla.configure` gets `tokenUrl` and dwolla-web.js POSTs there itself.
    case url
    /// `dwolla.configure` gets a `token(req)` function that POSTs with the app's CSRF header.
    case function
}

/// A project manifest after loading: typed values, each with the place it came from.
/// Values the user left out hold their defaults, located at the mapping that lacks them.
public struct Manifest: Sendable {
    public var file: String
    public var version: Located<Int>
    public var environment: Located<Environment>
    public var dwollaWeb: Located<String>
    /// The public folder, which the app serves.
    public var output: Located<String>
    /// The private folder, which only the app's server and CI read.
    public var privateOutput: Located<String>
    public var styles: Located<String>
    public var lang: Located<String>
    public var publicPath: Located<String>
    public var templates: Located<String>?
    public var partials: [Located<PartialLanguage>]
    public var csp: CSPSettings
    public var server: [Located<ServerLanguage>]
    public var token: Token
    public var callbacks: Callbacks
    /// `dwolla.configure`'s `userAgent`: how the app names itself to Dwolla.
    public var userAgent: Located<String>?
    public var pages: [Page]
    /// What differs for each deployment, resolved against the top level, in the manifest's
    /// order; empty when the manifest has none and builds as one deployment.
    public var deployments: [Deployment] = []
    /// The deployment this manifest was made for by `deployed()`; nil for a manifest without
    /// deployments.
    public var deploymentName: String?

    /// One deployment: every value here is the deployment's own or the top level's.
    public struct Deployment: Sendable {
        public var name: Located<String>
        public var environment: Located<Environment>
        public var output: Located<String>
        public var privateOutput: Located<String>
        public var publicPath: Located<String>
        public var tokenURL: Located<String>
        public var csp: CSPSettings
    }

    /// The manifest for each deployment to build: itself when it has none.
    public func deployed() -> [Manifest] {
        guard !deployments.isEmpty else { return [self] }
        return deployments.map(deployed)
    }

    /// The manifest with the deployment's values in place of the top level's.
    public func deployed(_ deployment: Deployment) -> Manifest {
        var manifest = self
        manifest.deploymentName = deployment.name.value
        manifest.environment = deployment.environment
        manifest.output = deployment.output
        manifest.privateOutput = deployment.privateOutput
        manifest.publicPath = deployment.publicPath
        manifest.token.url = deployment.tokenURL
        manifest.csp = deployment.csp
        return manifest
    }

    public struct Token: Sendable {
        public var url: Located<String>
        public var mode: Located<TokenMode>
        public var csrfMeta: Located<String>
        public var csrfHeader: Located<String>
    }

    public struct CSPSettings: Sendable {
        public var enabled: Bool
        /// Extra sources by directive, in the manifest's order.
        public var additions: [(directive: Located<String>, sources: [Located<String>])]
    }

    public struct Callbacks: Sendable {
        public var success: Located<String>?
        public var error: Located<String>?
    }

    public struct Page: Sendable {
        public var path: Located<String>
        public var title: Located<String>
        /// The page's own language; nil for the manifest's `lang`.
        public var lang: Located<String>?
        public var components: [Component]
        public var location: SourceLocation
        public var keyPath: KeyPath
    }

    public struct Component: Sendable {
        public var tag: Located<String>
        public var attributes: [Attribute]
        /// The attributes written whose value was reported and left out (`{parm: x}`): present,
        /// so not also reported missing.
        public var unreadable: [String]
        public var actions: Located<[Located<String>]>?
        public var location: SourceLocation
        public var keyPath: KeyPath
    }

    public struct Attribute: Sendable {
        public var name: String
        public var nameLocation: SourceLocation
        public var value: Located<AttributeValue>
    }
}

/// A stack the token route's server code is written for.
public enum ServerLanguage: String, CaseIterable, Sendable {
    /// A Node 18+ request handler, also usable as Express middleware.
    case node
    /// A Hummingbird 2 route.
    case swift
    /// A WSGI app with an ASGI form, for Python 3.9+.
    case python
    /// A Rack app, for Ruby 3.0+.
    case ruby
    /// A handler for plain PHP 8.1+ that a framework's controller can call.
    case php
}

/// A server template language the page snippets are written for.
public enum PartialLanguage: String, CaseIterable, Sendable {
    /// Mustache and Handlebars: `{{name}}`.
    case mustache
    /// Jinja and Django: `{{ name|e }}`.
    case jinja
    /// ERB, plain or in Rails: `<%= ERB::Util.html_escape(name) %>`.
    case erb
    /// EJS: `<%= name %>`.
    case ejs
}

public enum AttributeValue: Hashable, Sendable {
    case text(String)
    case flag(Bool)
    /// Filled in when the page is served: from the URL, a meta tag, or the app's template.
    case parameter(String)
}
