// What the route may mint, as dropin wrote it to dropin/token-route.json from the manifest.

import Foundation

/// The allowlist dropin writes to dropin/token-route.json.
public struct TokenRouteAllowlist: Decodable, Sendable {
    /// What the manifest says of pay-ins.
    public struct Payin: Decodable, Sendable, Equatable {
        /// The amounts the manifest's dwolla-payin elements fix; nil when one leaves the amount
        /// to the app's server.
        public let amounts: [String]?

        public init(amounts: [String]?) {
            self.amounts = amounts
        }
    }

    public let formatVersion: Int
    public let environment: String
    public let tokenUrl: String
    public let actions: [String]
    /// Present when the pages take pay-ins (`customer.transfers.send`).
    public let payin: Payin?

    public init(environment: String, tokenUrl: String, actions: [String], payin: Payin? = nil) {
        self.formatVersion = 1
        self.environment = environment
        self.tokenUrl = tokenUrl
        self.actions = actions
        self.payin = payin
    }

    public static func load(contentsOf url: URL) throws -> TokenRouteAllowlist {
        try JSONDecoder().decode(TokenRouteAllowlist.self, from: Data(contentsOf: url))
    }

    /// Dwolla's API for the environment.
    public var api: URL {
        URL(string: environment == "production" ? "https://api.dwolla.com" : "https://api-sandbox.dwolla.com")!
    }

    /// The pay-in amounts the manifest allows, as Dwolla's values; nil when it fixes none.
    var payinAmounts: Set<String>? {
        payin?.amounts.map { Set($0.compactMap(PayinAmount.dollars)) }
    }
}
