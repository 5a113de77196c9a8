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
    }

    static let vectorFiles = ["token-route.json", "token-route-any-amount.json"]

    @Test(arguments: Implementation.allCases, vectorFiles)
    func theRoutePassesTheSharedVectors(_ implementation: Implementation, file: String) async throws {
        let python = try requireTool("python3")
        let command: [String]
        let node = { (file: String) throws -> [String] in
            [try requireTool("node").path, repositoryRoot.appendingPathComponent("Tests/Node/token-route-harness.js").path,
             repositoryRoot.appendingPathComponent("site/staging-private/dropin/server/node/\(file)").path]
        }
        switch implementation {
        case .swift:
            command = [dropinBinary.deletingLastPathComponent().appendingPathComponent("token-route-harness").path]
        case .node:
            command = try node("dwolla-token-route.js")
        case .nodeModule, .nodeWeb:
            command = try node("dwolla-token-route.mjs")
        case .pythonWSGI, .pythonASGI:
            command = [python.path, repositoryRoot.appendingPathComponent("Tests/Python/token_route_harness.py").path,
                       repositoryRoot.appendingPathComponent("site/staging-private/dropin/server/python/dwolla_token_route.py").path,
                       implementation == .pythonWSGI ? "wsgi" : "asgi"]
        case .ruby:
            command = [try requireTool("ruby").path, repositoryRoot.appendingPathComponent("Tests/Ruby/token_route_harness.rb").path,
                       repositoryRoot.appendingPathComponent("site/staging-private/dropin/server/ruby/dwolla_token_route.rb").path]
        case .php:
            command = [try requireTool("php").path, repositoryRoot.appendingPathComponent("Tests/PHP/token_route_harness.php").path,
                       repositoryRoot.appendingPathComponent("site/staging-private/dropin/server/php/DwollaTokenRoute.php").path]
        }
        let outcome = try await runOffPool(python, [repositoryRoot.appendingPathComponent("Tests/RouteVectors/run.py").path,
                                       repositoryRoot.appendingPathComponent("Tests/RouteVectors/\(file)").path, "--"] + command,
                              environment: ["NO_PROXY": "127.0.0.1,localhost", "TOKEN_ROUTE_FORM": implementation == .nodeWeb ? "web" : "node"])
        #expect(outcome.status == 0, "\(outcome.stdout.suffix(4000))\(outcome.stderr.suffix(2000))")
        #expect(outcome.stdout.contains(" passed, 0 failed"))
    }
}
