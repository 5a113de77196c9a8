import Foundation
import Testing

/// Every token route dropin generates answers the committed, language-neutral vectors
/// (Tests/RouteVectors) the same way: the Swift route as an app mounts it, and the Node route
/// as the example site holds it, as CommonJS, as an ES module, and as a Web-standard handler;
/// the Python route as a WSGI and as an ASGI app; the Ruby route as a Rack app; the PHP route. Tests/RouteVectors/run.py starts a fake Dwolla of its own and
/// checks each answer, what Dwolla received, and the route's log.
struct RouteVectorTests {
    enum Implementation: String, CaseIterable, Sendable {
        case swift
        /// CommonJS, mounted on Node's http.
        case node
        /// The ES module, mounted on Node's http.
        case nodeModule
        /// The ES module's Web-standard handler, each request made a Request.
        case nodeWeb
        /// The Python route as a WSGI app, and as an ASGI app.
        case pythonWSGI
        case pythonASGI
        /// The Ruby route as a Rack app.
        case ruby
        /// The PHP route's respond(), each connection in a process of its own as php-fpm runs it.
        case php

        /// How to start this route as Tests/RouteVectors/run.py describes (with `form` as
        /// TOKEN_ROUTE_FORM), over the example site's output.
        func command() throws -> [String] {
            let server = repositoryRoot.appendingPathComponent("site/staging-private/dropin/server")
            let node = { (file: String) throws -> [String] in
                [try requireTool("node").path, repositoryRoot.appendingPathComponent("Tests/Node/token-route-harness.js").path,
                 server.appendingPathComponent("node/\(file)").path]
            }
            switch self {
            case .swift:
                return [dropinBinary.deletingLastPathComponent().appendingPathComponent("token-route-harness").path]
            case .node:
                return try node("dwolla-token-route.js")
            case .nodeModule, .nodeWeb:
                return try node("dwolla-token-route.mjs")
            case .pythonWSGI, .pythonASGI:
                return [try requireTool("python3").path, repositoryRoot.appendingPathComponent("Tests/Python/token_route_harness.py").path,
                        server.appendingPathComponent("python/dwolla_token_route.py").path, self == .pythonWSGI ? "wsgi" : "asgi"]
            case .ruby:
                return [try requireTool("ruby").path, repositoryRoot.appendingPathComponent("Tests/Ruby/token_route_harness.rb").path,
                        server.appendingPathComponent("ruby/dwolla_token_route.rb").path]
            case .php:
                return [try requireTool("php").path, repositoryRoot.appendingPathComponent("Tests/PHP/token_route_harness.php").path,
                        server.appendingPathComponent("php/DwollaTokenRoute.php").path]
            }
        }

        var form: String { self == .nodeWeb ? "web" : "node" }
    }

    static let vectorFiles = ["token-route.json", "token-route-any-amount.json"]

    @Test(arguments: Implementation.allCases, vectorFiles)
    func theRoutePassesTheSharedVectors(_ implementation: Implementation, file: String) async throws {
        let python = try requireTool("python3")
        let command = try implementation.command()
        let outcome = try await runOffPool(python, [repositoryRoot.appendingPathComponent("Tests/RouteVectors/run.py").path,
                                       repositoryRoot.appendingPathComponent("Tests/RouteVectors/\(file)").path, "--"] + command,
                              environment: ["NO_PROXY": "127.0.0.1,localhost", "TOKEN_ROUTE_FORM": implementation.form])
        #expect(outcome.status == 0, "\(outcome.stdout.suffix(4000))\(outcome.stderr.suffix(2000))")
        #expect(outcome.stdout.contains(" passed, 0 failed"))
    }
}
