// The token route for Dwolla drop-in components, as dropin generates it: it mints a client
// token only for an action the app's pages need, only for the signed-in customer, a pay-in only
// for the one the app's server decided, a beneficial owner only of that customer; and it maps
// every failure to a status without leaking Dwolla's details or any secret.
// What it promises, step by step: docs/token-route.md in dropin's repository. Its contract is
// dropin/token-route.openapi.yaml; its allowlist, dropin/token-route.json.

import Foundation
import Logging

/// The route's answer: a token, or an RFC 9457 problem.
public struct TokenRouteAnswer: Sendable, Equatable {
    public let status: Int
    public let body: Data
    /// Beyond the content type and `Cache-Control: no-store` every answer has.
    public let headers: [String: String]

    public var contentType: String { status == 200 ? "application/json" : "application/problem+json" }

    static func token(_ token: String) -> TokenRouteAnswer {
        TokenRouteAnswer(status: 200, body: json(["token": token]), headers: [:])
    }

    static func problem(_ status: Int, _ title: String, _ detail: String, headers: [String: String] = [:]) -> TokenRouteAnswer {
        TokenRouteAnswer(status: status, body: json(["type": "about:blank", "title": title, "status": status, "detail": detail]),
                         headers: headers)
    }

    /// Dwolla failed, timed out or answered nonsense: nothing of what it said goes to the browser.
    static let dwollaFailed = problem(502, "Dwolla failed", "Dwolla could not issue a token just now; try again.")

    /// A body over the limit: the rest of it is not read, so the connection cannot be reused.
    static let tooLarge = problem(413, "Request too large", "A token request is a small JSON object.", headers: ["Connection": "close"])

    private static func json(_ object: [String: Any]) -> Data {
        // Plain strings and numbers always serialize.
        (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }
}

/// A client token as Dwolla issues it; a pay-in's may come with a blob.
public struct ClientToken: Sendable, Equatable {
    public let token: String
    public let blob: String?

    public init(token: String, blob: String? = nil) {
        self.token = token
        self.blob = blob
    }
}

/// Where client tokens come from: Dwolla's API, or a stand-in for previews and tests.
public protocol ClientTokenSource: Sendable {
    /// `body` is the JSON body for Dwolla's POST /client-tokens.
    func clientToken(body: Data) async throws -> ClientToken
    /// The ids of the customer's beneficial owners, lowercased.
    func beneficialOwners(customerId: String) async throws -> [String]
}

/// Why a token could not be had: for the log, never for the browser.
public struct ClientTokenFailure: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// Why the app's own pay-in request was refused: a mistake in the app, said plainly.
public struct PayinRefusal: Error, Sendable, CustomStringConvertible {
    public let description: String
}

/// The route itself, independent of any web framework.
public struct DwollaTokenRoute: Sendable {
    public static let maximumBodySize = 16 * 1024
    static let payinAction = "customer.transfers.send"

    public let allowlist: Set<String>
    /// The environment's API, which names customers and funding sources in links. Requests may
    /// go elsewhere (a proxy, a test double); links keep Dwolla's names.
    public let api: URL
    public let source: any ClientTokenSource
    public let logger: Logger
    private let payinAmounts: Set<String>?
    private let limiter: RateLimiter?
    private let owners: BeneficialOwnerCache

    /// `rateLimit` nil turns the limit off.
    public init(allowlist: TokenRouteAllowlist, source: any ClientTokenSource, logger: Logger,
                rateLimit: TokenRouteRateLimit? = .standard, beneficialOwnersFor seconds: TimeInterval = 60) {
        self.allowlist = Set(allowlist.actions)
        self.api = allowlist.api
        self.source = source
        self.logger = logger
        self.payinAmounts = allowlist.payinAmounts
        self.limiter = rateLimit.map(RateLimiter.init)
        self.owners = BeneficialOwnerCache(source: source, lifetime: seconds)
    }

    /// `client` is the client's address, the rate limit's key when the session names none.
    public func answer(body: Data, session: TokenRouteSession, client: String? = nil) async -> TokenRouteAnswer {
        guard body.count <= Self.maximumBodySize else { return .tooLarge }
        let request: TokenRequest
        switch TokenRequest.parse(body) {
        case .success(let parsed): request = parsed
        case .failure(let problem): return problem.answer
        }
        let action = request.action
        guard session.isSignedIn else { return deny(401, "Not signed in", "Sign in to use this page.", action) }
        if let wait = retryAfter(session, client: client) {
            return deny(429, "Too many requests", "Too many token requests; try again in a moment.", action, headers: ["Retry-After": String(wait)])
        }
        guard allowlist.contains(action) else {
            return deny(403, "Action not allowed", "This app does not use the action \(action).", action)
        }
        let own = customerHref(session.customerId)
        if request.customerHrefs.contains(where: { $0.lowercased() != own?.lowercased() }) {
            return deny(403, "Not your customer", "Tokens are issued only for the signed-in customer.", action)
        }
        guard action == "customer.create" || own != nil else {
            return deny(403, "No customer", "The signed-in user has no Dwolla customer yet.", action)
        }
        if request.linksDisagree { return deny(403, "Links disagree", "_links and links must name the same links.", action) }
        if let problem = request.shapeProblem(resources: api) { return problem.answer }
        var payin: (destination: String, amount: String)?
        if action == Self.payinAction {
            switch pendingPayin(of: session, matching: request) {
            case .success(let pending): payin = pending
            case .failure(let refusal): return deny(403, refusal.title, refusal.detail, action)
            }
        }
        let owner = request.links["beneficial-owner"]
        if let owner, let refusal = await refusal(ofBeneficialOwner: owner, session: session, action: action) { return refusal }
        let body = dwollaBody(action: action, customer: own, beneficialOwner: owner, payin: payin)
        return await mint(body, action: action)
    }

    /// A pay-in's token for the app's own checkout code, which has decided the destination and
    /// the amount: the page gets it (and its blob) from the server, never from its address.
    public func payinToken(customerId: String, payin: PendingPayin) async throws -> ClientToken {
        guard allowlist.contains(Self.payinAction) else {
            throw PayinRefusal(description: "no dwolla-payin in the manifest: customer.transfers.send is not allowed")
        }
        guard let customer = customerHref(customerId) else {
            throw PayinRefusal(description: "customerId must be a Dwolla customer id (a UUID)")
        }
        guard let destination = fundingSource(payin.destination) else {
            throw PayinRefusal(description: "destination must be a funding source of this Dwolla environment, or its id")
        }
        guard let amount = allowedAmount(payin.amount) else {
            throw PayinRefusal(description: "amount \(payin.amount) is not a positive USD amount the manifest allows")
        }
        let body = dwollaBody(action: Self.payinAction, customer: customer, beneficialOwner: nil, payin: (destination, amount))
        do {
            let token = try await source.clientToken(body: body)
            logger.info("pay-in token issued")
            return token
        } catch {
            logger.error("Dwolla did not issue a pay-in token", metadata: ["reason": "\(error)"])
            throw error
        }
    }

    private struct Refusal: Error {
        let title: String
        let detail: String
    }

    /// The session's pending pay-in, when the request names nothing else and the manifest allows
    /// its amount.
    private func pendingPayin(of session: TokenRouteSession, matching request: TokenRequest)
        -> Result<(destination: String, amount: String), Refusal> {
        guard let pending = session.payin else {
            return .failure(Refusal(title: "No pay-in pending", detail: "There is no pay-in waiting for this customer."))
        }
        let other = Refusal(title: "Not this pay-in", detail: "Tokens are issued only for the pay-in the app has decided.")
        guard let destination = fundingSource(pending.destination), let amount = allowedAmount(pending.amount) else {
            logger.warning("the session's pending pay-in cannot be paid: its destination is not a funding source of this environment, or its amount is not one the manifest allows")
            return .failure(other)
        }
        if let asked = request.links["destination"], asked.lowercased() != destination.lowercased() { return .failure(other) }
        if let asked = request.amount, PayinAmount.dollars(asked.value) != amount { return .failure(other) }
        return .success((destination, amount))
    }

    /// Dwolla's value for a positive amount, one of the manifest's where it fixes any.
    private func allowedAmount(_ amount: String) -> String? {
        guard let dollars = PayinAmount.dollars(amount), dollars != "0.00", payinAmounts?.contains(dollars) ?? true else { return nil }
        return dollars
    }

    /// A funding source's href, given its href or its bare id.
    private func fundingSource(_ text: String) -> String? {
        TokenRequest.resourceHref(text, "funding-sources", resources: api)
    }

    /// nil when the session may ask now; else the seconds until it may. Keys of each kind are
    /// kept apart, so that no session id can stand for a customer or an address.
    private func retryAfter(_ session: TokenRouteSession, client: String?) -> Int? {
        guard let limiter else { return nil }
        let key = session.id.flatMap { $0.isEmpty ? nil : "session " + $0 }
            ?? session.customerId.flatMap { $0.isEmpty ? nil : "customer " + $0 } ?? "address " + (client ?? "")
        return limiter.admit(key)
    }

    /// For an app's own use of the route's limit, such as minting a pay-in's token for a page:
    /// nil when the key may go on, else the seconds until it may.
    public func rateLimitWait(for key: String) -> Int? {
        limiter?.admit("app " + key)
    }

    /// nil when the beneficial owner is one of the session customer's; else the answer that
    /// refuses it.
    private func refusal(ofBeneficialOwner href: String, session: TokenRouteSession, action: String) async -> TokenRouteAnswer? {
        let notOwned = { deny(403, "Not your beneficial owner", "Tokens are issued only for the signed-in customer's beneficial owners.", action) }
        guard let id = TokenRequest.resourceId(href, "beneficial-owners", resources: api), let customerId = session.customerId,
              customerHref(customerId) != nil else {
            return notOwned()
        }
        let owned: [String]
        if let listed = session.beneficialOwners {
            owned = listed.compactMap { TokenRequest.resourceId($0, "beneficial-owners", resources: api) }
        } else {
            do {
                owned = try await owners.ids(of: customerId.lowercased())
            } catch {
                logger.error("Dwolla did not list the customer's beneficial owners", metadata: ["reason": "\(error)"])
                return .dwollaFailed
            }
        }
        return owned.contains(id) ? nil : notOwned()
    }

    private func mint(_ body: Data, action: String) async -> TokenRouteAnswer {
        do {
            let token = try await source.clientToken(body: body)
            logger.info("client token issued", metadata: ["action": .string(LogText.quoted(action))])
            return .token(token.token)
        } catch {
            logger.error("Dwolla did not issue a client token", metadata: ["action": .string(LogText.quoted(action)), "reason": "\(error)"])
            return .dwollaFailed
        }
    }

    /// The body for Dwolla, made by the route: the customer from the session, never from the
    /// browser; a beneficial owner's href once verified; the pending pay-in's destination and amount.
    private func dwollaBody(action: String, customer: String?, beneficialOwner: String?,
                            payin: (destination: String, amount: String)?) -> Data {
        var links: [String: Any] = [:]
        if action != "customer.create", let customer { links["customer"] = ["href": customer] }
        if let beneficialOwner { links["beneficial-owner"] = ["href": beneficialOwner] }
        var body: [String: Any] = ["action": action]
        if let payin {
            links["destination"] = ["href": payin.destination]
            body["amount"] = ["currency": "USD", "value": payin.amount]
        }
        if !links.isEmpty { body["_links"] = links }
        return (try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data()
    }

    /// nil also for a session customer that is not an id: the app's mistake, never a link to
    /// something else.
    private func customerHref(_ customerId: String?) -> String? {
        guard let customerId, TokenRequest.isUUID(customerId) else { return nil }
        return api.appendingPathComponent("customers").appendingPathComponent(customerId).absoluteString
    }

    private func deny(_ status: Int, _ title: String, _ detail: String, _ action: String,
                      headers: [String: String] = [:]) -> TokenRouteAnswer {
        logger.notice("token request refused", metadata: ["action": .string(LogText.quoted(action)), "status": .stringConvertible(status)])
        return .problem(status, title, detail, headers: headers)
    }
}
