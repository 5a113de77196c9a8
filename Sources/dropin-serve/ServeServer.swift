import ArgumentParser
import DropinCLI
import DropinCore
import DropinTokenRoute
import Foundation
import Hummingbird
import Logging

/// What `dropin serve` runs: builds, then serves the public folder and the token route.
struct ServeServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dropin-serve",
        abstract: "What dropin serve runs; see dropin serve --help.")

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let reporter = Reporter(command: "serve", manifest: options.manifestOption.manifest)
        let source = try reporter.readManifest()
        let build = Pipeline().build(try reporter.parse(source), manifestPath: options.manifestOption.manifest,
                                     deployments: options.deployment.map(Pipeline.Deployments.named) ?? .firstSandbox)
        reporter.show(build.diagnostics, source: source, summary: nil)
        guard build.succeeded, let rendered = build.rendered else { throw ExitStatus.failure }

        let logger = Self.logger()
        let contract = rendered.plan.tokenRoute
        let allowlist = TokenRouteAllowlist(environment: contract.environment.rawValue, tokenUrl: contract.tokenURL,
                                            actions: contract.actions,
                                            payin: contract.takesPayins ? .init(amounts: contract.payinAmounts) : nil)
        let tokens = try tokenSource(api: options.dwollaAPI.flatMap(URL.init(string:)) ?? allowlist.api)
        let route = DwollaTokenRoute(allowlist: allowlist, source: tokens, logger: logger,
                                     rateLimit: options.rateLimit == 0 ? nil : TokenRouteRateLimit(requests: options.rateLimit, perSeconds: 60))
        let tokenPath = contract.route.path
        let files = PublicFiles<BasicRequestContext>(folder: rendered.folders.public.url, routePath: tokenPath)

        let router = Router()
        router.add(middleware: SecurityHeaders(pagePolicy: rendered.plan.pagePolicy))
        router.add(middleware: AllowedHosts(listeningOn: options.host, allowing: options.allowedHosts))
        router.add(middleware: files)
        router.add(middleware: ServerParameters(files: files, route: route, customerId: options.customerId, payin: pendingPayin,
                                                logger: logger))
        router.add(middleware: FileMiddleware(rendered.folders.public.url.path, searchForIndexHtml: true, logger: logger))
        let session: TokenRouteSession = .signedIn(customerId: options.customerId, payin: pendingPayin)
        route.add(to: router, path: tokenPath) { _, _ in session }

        let served = rendered.folders.public.display + "/" + (rendered.manifest.deploymentName.map { " (deployment \($0))" } ?? "")
        let host = options.host
        let noCustomer = options.customerId == nil
        let app = Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionDeadline(deadline: .seconds(15)), ClosingConnections()])),
            configuration: .init(address: .hostname(host, port: options.port), serverName: "dropin"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                Console().out("Serving \(served) at http://\(host):\(port)/ with the token route at POST \(tokenPath)\n")
                if noCustomer {
                    Console().out("No customer is set: the route refuses every token but customer.create (403 No customer). Pass --customer-id ID to stand in for your app's signed-in customer.\n")
                }
            },
            logger: logger)
        try await app.runService()
    }

    private var pendingPayin: PendingPayin? {
        guard let destination = options.payinDestination, let amount = options.payinAmount else { return nil }
        return PendingPayin(destination: destination, amount: amount)
    }

    private func tokenSource(api: URL) throws -> any ClientTokenSource {
        if options.fakeDwolla {
            return LocalClientTokens()
        }
        guard let credentials = DwollaAPI.Credentials.fromEnvironment() else {
            Console().err("error: dropin serve needs DWOLLA_KEY and DWOLLA_SECRET in the environment to ask Dwolla for tokens; or preview with --fake-dwolla\n")
            throw ExitStatus.usage
        }
        return DwollaAPI(api: api, credentials: credentials, timeout: options.dwollaTimeout)
    }

    /// Structured lines on standard error; secrets and tokens are never among their fields, and
    /// nothing from a request reaches them unescaped.
    private static func logger() -> Logger {
        var logger = Logger(label: "dropin.serve") { label in EscapingLogHandler(wrapped: StreamLogHandler.standardError(label: label)) }
        logger.logLevel = .info
        return logger
    }
}

/// Client tokens made up locally, for previews with no credentials and no network.
/// No beneficial owner is the customer's: without Dwolla there is nothing to check them against.
struct LocalClientTokens: ClientTokenSource {
    func clientToken(body: Data) async throws -> ClientToken {
        ClientToken(token: "fake-client-token-" + UUID().uuidString.lowercased(),
                    blob: "fake-blob-" + UUID().uuidString.lowercased())
    }

    func beneficialOwners(customerId: String) async throws -> [String] {
        []
    }
}
