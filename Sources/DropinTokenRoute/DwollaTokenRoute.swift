// The token route for Dwolla drop-in components, as dropin generates it: it mints a client
// token only for an action the app's pages need, only for the signed-in customer, and maps
// every failure to a status without leaking Dwolla's details or any secret.
// Its contract is dropin/token-route.openapi.yaml; its allowlist, dropin/token-route.json.

import Foundation
import Logging

/// The allowlist dropin writes to dropin/token-route.json.
public struct TokenRouteAllowlist: Decodable, Sendable {
    public let formatVersion: Int
    public let environment: String
    public let tokenUrl: String
    public let actions: [String]

    public init(environment: String, tokenUrl: String, actions: [String]) {
        self.formatVersion = 1
        self.environment = environment
        self.tokenUrl = tokenUrl
        self.actions = actions
    }

    public static func load(contentsOf url: URL) throws -> TokenRouteAllowlist {
        try JSONDecoder().decode(TokenRouteAllowlist.self, from: Data(contentsOf: url))
    }

    /// Dwolla's API for the environment.
    public var api: URL {
        URL(string: environment == "production" ? "https://api.dwolla.com" : "https://api-sandbox.dwolla.com")!
    }
}

/// Who is asking, as the app's session knows it.
public enum TokenRouteSession: Sendable, Equatable {
    case signedOut
    /// Signed in; the customer is nil until the app has created one in Dwolla.
    case signedIn(customerId: String?)
}

/// The route's answer: a token, or an RFC 9457 problem.
public struct TokenRouteAnswer: Sendable, Equatable {
    public let status: Int
    public let body: Data

    public var contentType: String { status == 200 ? "application/json" : "application/problem+json" }

    static func token(_ token: String) -> TokenRouteAnswer {
        TokenRouteAnswer(status: 200, body: json(["token": token]))
    }

    static func problem(_ status: Int, _ title: String, _ detail: String) -> TokenRouteAnswer {
        TokenRouteAnswer(status: status, body: json(["type": "about:blank", "title": title, "status": status, "detail": detail]))
    }

    private static func json(_ object: [String: Any]) -> Data {
        // Plain strings and numbers always serialize.
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}

/// Where client tokens come from: Dwolla's API, or a stand-in for previews and tests.
public protocol ClientTokenSource: Sendable {
    /// `body` is the JSON body for Dwolla's POST /client-tokens.
    func clientToken(body: Data) async throws -> String
}

/// Why a token could not be had: for the log, never for the browser.
public struct ClientTokenFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// The route itself, independent of any web framework.
public struct DwollaTokenRoute: Sendable {
    public static let maximumBodySize = 16 * 1024

    public let allowlist: Set<String>
    /// The environment's API, which names customers and funding sources in links. Requests may
    /// go elsewhere (a proxy, a test double); links keep Dwolla's names.
    public let api: URL
    public let source: any ClientTokenSource
    public let logger: Logger

    public init(allowlist: TokenRouteAllowlist, source: any ClientTokenSource, logger: Logger) {
        self.allowlist = Set(allowlist.actions)
        self.api = allowlist.api
        self.source = source
        self.logger = logger
    }

    public func answer(body: Data, session: TokenRouteSession) async -> TokenRouteAnswer {
        guard body.count <= Self.maximumBodySize else {
            return .problem(413, "Request too large", "A token request is a small JSON object.")
        }
        let request: TokenRequest
        switch TokenRequest.parse(body) {
        case .success(let parsed): request = parsed
        case .failure(let problem): return problem.answer
        }
        guard case .signedIn(let customerId) = session else {
            return deny(401, "Not signed in", "Sign in to use this page.", request.action)
        }
        guard allowlist.contains(request.action) else {
            return deny(403, "Action not allowed", "This app does not use the action \(request.action).", request.action)
        }
        let own = customerHref(customerId)?.lowercased()
        if request.customerHrefs.contains(where: { $0.lowercased() != own }) {
            return deny(403, "Not your customer", "Tokens are issued only for the signed-in customer.", request.action)
        }
        if request.action != "customer.create" && customerId == nil {
            return deny(403, "No customer", "The signed-in user has no Dwolla customer yet.", request.action)
        }
        if let problem = request.checkLinks(api: api) { return problem.answer }
        do {
            let token = try await source.clientToken(body: request.dwollaBody(customerHref: customerHref(customerId)))
            logger.info("client token issued", metadata: ["action": .string(request.action)])
            return .token(token)
        } catch {
            logger.error("Dwolla did not issue a client token", metadata: ["action": .string(request.action), "reason": "\(error)"])
            return .problem(502, "Dwolla failed", "Dwolla could not issue a token just now; try again.")
        }
    }

    private func customerHref(_ customerId: String?) -> String? {
        customerId.map { api.appendingPathComponent("customers").appendingPathComponent($0).absoluteString }
    }

    private func deny(_ status: Int, _ title: String, _ detail: String, _ action: String) -> TokenRouteAnswer {
        logger.notice("token request refused", metadata: ["action": .string(action), "status": .stringConvertible(status)])
        return .problem(status, title, detail)
    }
}

/// A token request as dwolla-web.js sends it: `{action, _links, links}`, and for pay-ins
/// `_links.destination` and `amount`.
struct TokenRequest {
    struct Problem: Error {
        let detail: String
        var answer: TokenRouteAnswer { .problem(400, "Malformed token request", detail) }
    }

    static let linkNames: Set<String> = ["customer", "client", "beneficial-owner", "destination"]
    static let maximumHrefLength = 1000

    let action: String
    /// Each link by name: from `_links`, else from `links` (dwolla-web.js sends both, alike).
    let links: [String: String]
    /// Every customer either group names: each must be the session's.
    let customerHrefs: [String]
    let amount: (currency: String, value: String)?

    static func parse(_ body: Data) -> Result<TokenRequest, Problem> {
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            return .failure(Problem(detail: "The body must be a JSON object."))
        }
        if let unknown = object.keys.sorted().first(where: { !["action", "_links", "links", "amount"].contains($0) }) {
            return .failure(Problem(detail: "Unknown field \(unknown)."))
        }
        guard let action = object["action"] as? String, !action.isEmpty else {
            return .failure(Problem(detail: "action must be a non-empty string."))
        }
        var links: [String: String] = [:]
        var customerHrefs: [String] = []
        for key in ["_links", "links"] where object[key] != nil {
            guard let group = object[key] as? [String: Any] else { return .failure(Problem(detail: "\(key) must be an object.")) }
            for (name, value) in group {
                guard linkNames.contains(name) else { return .failure(Problem(detail: "Unknown link \(name).")) }
                guard let link = value as? [String: Any], link.count == 1, let href = link["href"] as? String,
                      href.count <= maximumHrefLength else {
                    return .failure(Problem(detail: "\(key).\(name) must be {\"href\": \"...\"}, at most \(maximumHrefLength) characters."))
                }
                if name == "customer" { customerHrefs.append(href) }
                if links[name] == nil { links[name] = href }
            }
        }
        var amount: (String, String)?
        if object["amount"] != nil {
            guard let value = object["amount"] as? [String: Any], value.count == 2,
                  let currency = value["currency"] as? String, let number = value["value"] as? String else {
                return .failure(Problem(detail: "amount must be {\"currency\": \"USD\", \"value\": \"1.00\"}."))
            }
            amount = (currency, number)
        }
        return .success(TokenRequest(action: action, links: links, customerHrefs: customerHrefs, amount: amount))
    }

    /// Links and amounts the route passes on must be well-formed and belong to the pay-in
    /// variant where they are used.
    func checkLinks(api: URL) -> Problem? {
        let isPayin = action == "customer.transfers.send"
        if !isPayin && (links["destination"] != nil || amount != nil) {
            return Problem(detail: "destination and amount go only with customer.transfers.send.")
        }
        if let destination = links["destination"], !Self.isResource(destination, "funding-sources", api: api) {
            return Problem(detail: "_links.destination must be a funding source of this Dwolla environment.")
        }
        if let owner = links["beneficial-owner"], !Self.isResource(owner, "beneficial-owners", api: api) {
            return Problem(detail: "_links.beneficial-owner must be a beneficial owner of this Dwolla environment.")
        }
        if let amount {
            let parts = amount.value.split(separator: ".", omittingEmptySubsequences: false)
            let valid = amount.currency == "USD" && (1...2).contains(parts.count)
                && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
                && (parts.count == 1 || parts[1].count == 2)
            if !valid { return Problem(detail: "amount must be USD with a value such as 10.00.") }
        }
        return nil
    }

    /// The body for Dwolla: the customer always from the session, never from the browser.
    func dwollaBody(customerHref: String?) -> Data {
        var links: [String: Any] = [:]
        if action != "customer.create", let customerHref { links["customer"] = ["href": customerHref] }
        for name in ["beneficial-owner", "destination"] {
            if let href = self.links[name] { links[name] = ["href": href] }
        }
        var body: [String: Any] = ["action": action]
        if !links.isEmpty { body["_links"] = links }
        if let amount { body["amount"] = ["currency": amount.currency, "value": amount.value] }
        return (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    static func isResource(_ href: String, _ collection: String, api: URL) -> Bool {
        let prefix = api.appendingPathComponent(collection).absoluteString + "/"
        guard href.hasPrefix(prefix) else { return false }
        return UUID(uuidString: String(href.dropFirst(prefix.count))) != nil
    }
}
