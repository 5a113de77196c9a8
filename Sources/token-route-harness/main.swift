// The Swift token route, as an app mounts it, for the shared route vectors
// (Tests/RouteVectors/run.py): Dwolla at DWOLLA_API, the allowlist from TOKEN_ROUTE_ALLOWLIST,
// the rate limit from TOKEN_ROUTE_RATE_LIMIT ("requests/seconds" or "off"), and each request's
// session from its X-Test-Session header (none: signed out). For tests only.

import DropinTokenRoute
import Foundation
import HTTPTypes
import Hummingbird
import Logging

let environment = ProcessInfo.processInfo.environment
guard let api = environment["DWOLLA_API"].flatMap(URL.init(string:)),
      let allowlistPath = environment["TOKEN_ROUTE_ALLOWLIST"],
      let credentials = DwollaAPI.Credentials.fromEnvironment() else {
    FileHandle.standardError.write(Data("token-route-harness needs DWOLLA_API, TOKEN_ROUTE_ALLOWLIST, DWOLLA_KEY and DWOLLA_SECRET\n".utf8))
    exit(2)
}
let allowlist = try TokenRouteAllowlist.load(contentsOf: URL(fileURLWithPath: allowlistPath))

enum Harness {
    static func rateLimit(_ text: String?) -> TokenRouteRateLimit? {
        guard let text, text != "off" else { return text == nil ? .standard : nil }
        let parts = text.split(separator: "/").compactMap { Double($0) }
        return parts.count == 2 ? TokenRouteRateLimit(requests: Int(parts[0]), perSeconds: parts[1]) : .standard
    }

    static func session(_ header: String?) -> TokenRouteSession {
        guard let header, let object = (try? JSONSerialization.jsonObject(with: Data(header.utf8))) as? [String: Any],
              object["signedIn"] as? Bool == true else { return .signedOut }
        let payin = (object["payin"] as? [String: Any]).flatMap { payin -> PendingPayin? in
            guard let destination = payin["destination"] as? String, let amount = payin["amount"] as? String else { return nil }
            return PendingPayin(destination: destination, amount: amount)
        }
        return .signedIn(customerId: object["customerId"] as? String, payin: payin,
                         beneficialOwners: object["beneficialOwners"] as? [String], id: object["id"] as? String)
    }
}

var logger = Logger(label: "token-route") { StreamLogHandler.standardError(label: $0) }
logger.logLevel = .info
let timeout = environment["TOKEN_ROUTE_TIMEOUT_MS"].flatMap(Double.init).map { $0 / 1000 } ?? 10
let route = DwollaTokenRoute(allowlist: allowlist, source: DwollaAPI(api: api, credentials: credentials, timeout: timeout),
                             logger: logger, rateLimit: Harness.rateLimit(environment["TOKEN_ROUTE_RATE_LIMIT"]))
let router = Router()
route.add(to: router, path: allowlist.tokenUrl) { request, _ in
    Harness.session(request.headers[HTTPField.Name("X-Test-Session")!])
}
let app = Application(
    router: router, server: .http1(configuration: .init(additionalChannelHandlers: [ClosingConnections()])),
    configuration: .init(address: .hostname("127.0.0.1", port: 0)),
    onServerRunning: { channel in
        FileHandle.standardOutput.write(Data("listening at http://127.0.0.1:\(channel.localAddress?.port ?? 0)/\n".utf8))
    },
    logger: logger)
try await app.runService()
