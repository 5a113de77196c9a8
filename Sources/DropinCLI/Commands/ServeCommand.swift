import ArgumentParser
import DropinCore
import DropinTokenRoute
import Foundation
import Hummingbird
import Logging

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, then serve the output folder and the token route, for development.",
        discussion: """
        The token route takes client tokens from Dwolla with DWOLLA_KEY and DWOLLA_SECRET from the
        environment, for the customer --customer-id names (standing in for your app's session).
        With --fake-dwolla it answers tokens itself: no credentials, no network.
        """)

    @OptionGroup var manifestOption: ManifestOption

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    var port = 8080

    @Option(name: .customLong("customer-id"), help: "The signed-in customer, in place of your app's session.")
    var customerId: String?

    @Option(name: .customLong("dwolla-api"), help: "Dwolla's API base URL, instead of the environment's.")
    var dwollaAPI: String?

    @Option(name: .customLong("dwolla-timeout"), help: "Seconds to wait for Dwolla before answering 502.")
    var dwollaTimeout: Double = 10

    @Flag(name: .customLong("fake-dwolla"), help: "Answer client tokens locally, for previews without credentials.")
    var fakeDwolla = false

    func validate() throws {
        if let customerId, UUID(uuidString: customerId) == nil {
            throw ValidationError("--customer-id must be a Dwolla customer ID (a UUID)")
        }
        if let dwollaAPI, URL(string: dwollaAPI)?.scheme == nil {
            throw ValidationError("--dwolla-api must be a URL such as https://api-sandbox.dwolla.com")
        }
    }

    func run() async throws {
        let reporter = Reporter(command: "serve", manifest: manifestOption.manifest, format: .text)
        let source = try reporter.readManifest()
        let build = Pipeline().build(source, manifestPath: manifestOption.manifest)
        reporter.show(build.diagnostics, source: source, summary: nil)
        guard build.succeeded, let rendered = build.rendered else { throw ExitStatus.failure }

        let logger = Self.logger()
        let contract = rendered.plan.tokenRoute
        let allowlist = TokenRouteAllowlist(environment: contract.environment.rawValue, tokenUrl: contract.tokenURL,
                                            actions: contract.actions)
        let api = dwollaAPI.flatMap(URL.init(string:)) ?? allowlist.api
        let tokens: any ClientTokenSource
        if fakeDwolla {
            tokens = LocalClientTokens()
        } else if let credentials = DwollaAPI.Credentials.fromEnvironment() {
            tokens = DwollaAPI(api: api, credentials: credentials, timeout: dwollaTimeout)
        } else {
            Console().err("error: dropin serve needs DWOLLA_KEY and DWOLLA_SECRET in the environment to ask Dwolla for tokens; or preview with --fake-dwolla\n")
            throw ExitStatus.usage
        }

        let router = Router()
        router.add(middleware: FileMiddleware(rendered.folder.url.path, searchForIndexHtml: true, logger: logger))
        let route = DwollaTokenRoute(allowlist: allowlist, source: tokens, logger: logger)
        let session: TokenRouteSession = .signedIn(customerId: customerId)
        route.add(to: router, path: contract.route.path) { _, _ in session }

        let served = rendered.folder.display
        let tokenPath = contract.route.path
        let app = Application(
            router: router,
            configuration: .init(address: .hostname(host, port: port), serverName: "dropin"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                Console().out("Serving \(served)/ at http://\(host):\(port)/ with the token route at POST \(tokenPath)\n")
            },
            logger: logger)
        try await app.runService()
    }

    /// Structured lines on standard error; secrets and tokens are never among their fields.
    private static func logger() -> Logger {
        var logger = Logger(label: "dropin.serve") { label in StreamLogHandler.standardError(label: label) }
        logger.logLevel = .info
        return logger
    }
}

/// Client tokens made up locally, for previews with no credentials and no network.
struct LocalClientTokens: ClientTokenSource {
    func clientToken(body: Data) async throws -> String {
        "fake-client-token-" + UUID().uuidString.lowercased()
    }
}
