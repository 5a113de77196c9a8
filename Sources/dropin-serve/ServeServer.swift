import ArgumentParser
import DropinCLI
import DropinCore
import DropinTokenRoute
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// What `dropin serve` runs: builds, then serves the public folder and the token route.
struct ServeServer: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dropin-serve",
        abstract: "What dropin serve runs; see dropin serve --help.")

    @OptionGroup var options: ServeOptions

    func run() async throws {
        let builder = ServeBuilder(options: options)
        var rendered: Pipeline.Rendered
        switch builder.build() {
        case let .built(first): rendered = first
        case let .failed(_, status): throw status
        }
        var inputs = builder.inputs(templates: rendered.manifest.templates).read()
        let live = options.watch ? LiveBuild() : nil
        var port = options.port
        var firstStart = true
        while true {
            let watcher = live.map { InputWatcher(builder: builder, inputs: builder.inputs(templates: rendered.manifest.templates),
                                                  since: inputs, live: $0) }
            let app = try application(serving: rendered, port: port, live: live, firstStart: firstStart)
            guard let watcher, let live else {
                try await app.runService()
                return
            }
            let group = ServiceGroup(configuration: .init(
                services: [.init(service: app), .init(service: watcher, successTerminationBehavior: .gracefullyShutdownGroup)],
                gracefulShutdownSignals: [.sigterm, .sigint], logger: Self.logger()))
            try await group.run()
            // Stopped by a signal, or for a good build: then serve it, on the same port.
            guard let next = await live.takeReplacement() else { return }
            rendered = next.rendered
            inputs = next.inputs
            port = await live.port ?? port
            firstStart = false
        }
    }

    private func application(serving rendered: Pipeline.Rendered, port: Int, live: LiveBuild?, firstStart: Bool) throws
        -> some ApplicationProtocol {
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
        if let live {
            router.add(middleware: LiveReload(live: live))
        }
        router.add(middleware: files)
        router.add(middleware: ServedPages(files: files, route: route, customerId: options.customerId, payin: pendingPayin,
                                           live: live, logger: logger))
        router.add(middleware: FileMiddleware(rendered.folders.public.url.path, searchForIndexHtml: true, logger: logger))
        let session: TokenRouteSession = .signedIn(customerId: options.customerId, payin: pendingPayin)
        route.add(to: router, path: tokenPath) { _, _ in session }

        let served = rendered.folders.public.display + "/" + (rendered.manifest.deploymentName.map { " (deployment \($0))" } ?? "")
        let host = options.host
        let noCustomer = options.customerId == nil
        let watching = live != nil
        return Application(
            router: router,
            server: .http1(configuration: .init(additionalChannelHandlers: [ConnectionDeadline(deadline: .seconds(15)), ClosingConnections()])),
            configuration: .init(address: .hostname(host, port: port), serverName: "dropin"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                await live?.serving(on: port)
                Console().out("Serving \(served) at http://\(host):\(port)/ with the token route at POST \(tokenPath)\n")
                guard firstStart else { return }
                if noCustomer {
                    Console().out("No customer is set: the route refuses every token but customer.create (403 No customer). Pass --customer-id ID to stand in for your app's signed-in customer.\n")
                }
                if watching {
                    Console().out("Watching the manifest and templates: a change builds again and reloads the open pages (--no-watch to stop)\n")
                }
            },
            logger: logger)
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
