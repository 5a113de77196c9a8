import Foundation
import Yams

/// What the app's token route must allow: exactly the actions of the components in use, and
/// which pages use each component. Written as an OpenAPI 3.1 document for people and tools,
/// and as compact JSON that server code loads at start.
public struct TokenRouteContract: Sendable {
    public struct Use: Sendable {
        public let tag: String
        public let actions: [String]
        public let pages: [String]
    }

    public let environment: Environment
    public let tokenURL: String
    /// The amounts the manifest's pay-ins fix; nil when one leaves the amount to the app's server.
    public let payinAmounts: [String]?
    public let actions: [String]
    public let components: [Use]

    static let payinAction = "customer.transfers.send"
    public var takesPayins: Bool { actions.contains(Self.payinAction) }

    static let openAPIPath = "dropin/token-route.openapi.yaml"
    static let allowlistPath = "dropin/token-route.json"

    public enum Form: Sendable {
        /// The OpenAPI document, for people and tools.
        case openAPI
        /// The compact JSON server code loads at start.
        case allowlist

        var path: String {
            switch self {
            case .openAPI: TokenRouteContract.openAPIPath
            case .allowlist: TokenRouteContract.allowlistPath
            }
        }
    }

    func rendered(as form: Form, comment: String) -> String {
        switch form {
        case .openAPI: openAPIDocument(comment: comment)
        case .allowlist: allowlistJSON(comment: comment)
        }
    }

    /// The route's path, and the origin when token.url is a full URL.
    public var route: (origin: String?, path: String) {
        guard let schemeEnd = tokenURL.range(of: "://") else { return (nil, tokenURL) }
        let rest = tokenURL[schemeEnd.upperBound...]
        let slash = rest.firstIndex(of: "/") ?? rest.endIndex
        let path = String(rest[slash...]).split(separator: "?").first.map(String.init) ?? "/"
        return (String(tokenURL[..<slash]), path.isEmpty ? "/" : path)
    }

    func allowlistJSON(comment: String) -> String {
        var fields: [String: JSONValue] = [
            "$comment": .string(comment),
            "formatVersion": .int(1),
            "environment": .string(environment.rawValue),
            "tokenUrl": .string(tokenURL),
            "actions": .array(actions.map(JSONValue.string)),
            "components": .object(Dictionary(uniqueKeysWithValues: components.map { use in
                (use.tag, JSONValue.object(["actions": .array(use.actions.map(JSONValue.string)),
                                            "pages": .array(use.pages.map(JSONValue.string))]))
            })),
        ]
        if takesPayins {
            fields["payin"] = .object(payinAmounts.map { ["amounts": .array($0.map(JSONValue.string))] } ?? [:])
        }
        return JSONValue.object(fields).rendered()
    }

    func openAPIDocument(comment: String) -> String {
        var document: [(String, YAMLValue)] = [
            ("openapi", "3.1.0"),
            ("info", map([
                ("title", "Dwolla client-token route"),
                ("version", quoted("1")),
                ("description", .text("""
                    The route the app's pages call for Dwolla client tokens, once per action. It
                    allows exactly the actions of the drop-in components in use, mints tokens only
                    for the signed-in customer (taken from the session, never from the body), a
                    pay-in only for the destination and amount the app's server decided (the
                    session's pending pay-in), a beneficial owner only of that customer, limits
                    each session's rate, and answers failures with RFC 9457 problem documents that
                    carry no detail from Dwolla.
                    """.replacingOccurrences(of: "\n", with: " "))),
            ])),
        ]
        if let origin = route.origin { document.append(("servers", .list([map([("url", .text(origin))])]))) }
        document += [
            ("paths", map([(route.path, map([("post", operation)]))])),
            ("components", map([("schemas", schemas)])),
            ("x-dropin", map([
                ("environment", .text(environment.rawValue)),
                ("components", map(components.map { use in
                    (use.tag, map([("actions", strings(use.actions)), ("pages", strings(use.pages))]))
                })),
            ])),
        ]
        // Serializing a tree of plain scalars cannot fail.
        let yaml = (try? Yams.serialize(node: map(document).node, width: 100, sortKeys: false)) ?? ""
        return "# \(comment)\n" + yaml
    }

    private var operation: YAMLValue {
        func problem(_ description: String) -> YAMLValue {
            map([("description", .text(description)),
                 ("content", map([("application/problem+json", map([("schema", reference("Problem"))]))]))])
        }
        return map([
            ("operationId", "createClientToken"),
            ("summary", "A client token for one action of a drop-in component"),
            ("requestBody", map([
                ("required", .bool(true)),
                ("content", map([("application/json", map([("schema", reference("TokenRequest"))]))])),
            ])),
            ("responses", map([
                (quoted("200"), map([
                    ("description", "A single-use client token"),
                    ("content", map([("application/json", map([("schema", reference("TokenResponse"))]))])),
                ])),
                (quoted("400"), problem("Malformed JSON, wrong types, or links that do not fit the action")),
                (quoted("401"), problem("Not signed in")),
                (quoted("403"), problem("An action this app does not use; another customer than the session's; a beneficial owner of another customer; for customer.transfers.send, no pay-in pending in the session, or another destination or amount than the pending one; or a cross-site request")),
                (quoted("413"), problem("A body over 16 KiB")),
                (quoted("429"), map([
                    ("description", "Too many token requests from this session; Retry-After says when to ask again"),
                    ("headers", map([("Retry-After", map([("description", "Seconds to wait"), ("schema", map([("type", "integer")]))]))])),
                    ("content", map([("application/problem+json", map([("schema", reference("Problem"))]))])),
                ])),
                (quoted("502"), problem("Dwolla failed, timed out or answered nonsense")),
            ])),
        ])
    }

    /// The request schemas say exactly what the route accepts: what they allow it answers with
    /// a token or a 401, 403 or 429; what they refuse, with a 400.
    private var schemas: YAMLValue {
        let no = YAMLValue.bool(false)
        func link(_ pattern: String?) -> YAMLValue {
            var href: [(String, YAMLValue)] = [("type", "string"), ("maxLength", .int(1000))]
            if let pattern { href.append(("pattern", .text(pattern))) }
            return map([("type", "object"), ("required", strings(["href"])), ("additionalProperties", no),
                        ("properties", map([("href", map(href))]))])
        }
        func links(_ names: [String]) -> YAMLValue {
            map([("type", "object"), ("additionalProperties", no),
                 ("properties", map(names.map { ($0, reference(linkSchema[$0]!)) }))])
        }
        func request(_ summary: String, action: YAMLValue, linkGroup: String, amount: Bool) -> YAMLValue {
            var properties: [(String, YAMLValue)] = [("action", action), ("_links", reference(linkGroup)), ("links", reference(linkGroup))]
            if amount { properties.append(("amount", reference("Amount"))) }
            return map([("type", "object"), ("description", .text(summary)), ("required", strings(["action"])),
                        ("additionalProperties", no), ("properties", map(properties))])
        }
        var variants = [reference("PlainRequest")]
        var definitions: [(String, YAMLValue)] = [
            ("Action", map([("type", "string"), ("enum", strings(actions))])),
            ("Link", link(nil)),
            ("FundingSourceLink", link(resourcePattern("funding-sources"))),
            ("BeneficialOwnerLink", link(resourcePattern("beneficial-owners"))),
            ("Links", links(["customer", "client", "beneficial-owner"])),
            ("PlainRequest", request("A token for one action, as dwolla-web.js asks for it.",
                                     action: reference("Action"), linkGroup: "Links", amount: false)),
        ]
        if actions.contains("customer.transfers.send") {
            variants.append(reference("PayinRequest"))
            definitions += [
                ("PayinLinks", links(["customer", "client", "beneficial-owner", "destination"])),
                ("PayinRequest", request(payinDescription,
                                         action: map([("const", "customer.transfers.send")]), linkGroup: "PayinLinks", amount: true)),
                ("Amount", map([
                    ("type", "object"), ("required", strings(["currency", "value"])), ("additionalProperties", no),
                    ("properties", map([
                        ("currency", map([("const", "USD")])),
                        ("value", map([("type", "string"), ("pattern", .text(#"^[0-9]+(\.[0-9]{1,2})?$"#))])),
                    ])),
                ])),
            ]
        }
        definitions += [
            ("TokenRequest", map([("description", "A token request; customer links must name the signed-in customer."),
                                  ("anyOf", .list(variants))])),
            ("TokenResponse", map([
                ("type", "object"), ("required", strings(["token"])),
                ("properties", map([("token", map([("type", "string")]))])),
            ])),
            ("Problem", map([
                ("type", "object"), ("required", strings(["type", "title", "status"])),
                ("properties", map([
                    ("type", map([("type", "string")])), ("title", map([("type", "string")])),
                    ("status", map([("type", "integer")])), ("detail", map([("type", "string")])),
                ])),
            ])),
        ]
        return map(definitions)
    }

    /// Who decides a pay-in, in the words of the contract.
    private var payinDescription: String {
        let amounts = payinAmounts.map { "; the manifest allows only " + $0.joined(separator: ", ") } ?? ""
        return "A pay-in token: minted only for the pay-in the app's server decided for the signed-in customer "
            + "(its session's pending destination and amount\(amounts)). The browser names no destination or amount, "
            + "or exactly the pending ones; anything else, or no pay-in pending, is refused with 403."
    }

    private let linkSchema = ["customer": "Link", "client": "Link", "beneficial-owner": "BeneficialOwnerLink",
                              "destination": "FundingSourceLink"]

    /// A resource of the environment's API, named by its UUID.
    private func resourcePattern(_ collection: String) -> String {
        let hex = "[0-9a-fA-F]"
        let base = environment.apiBase.replacingOccurrences(of: ".", with: "\\.")
        return "^\(base)/\(collection)/\(hex){8}-\(hex){4}-\(hex){4}-\(hex){4}-\(hex){12}$"
    }

    private func map(_ pairs: [(String, YAMLValue)]) -> YAMLValue {
        .map(pairs.map { (.text($0.0), $0.1) })
    }

    private func map(_ pairs: [(YAMLValue, YAMLValue)]) -> YAMLValue {
        .map(pairs)
    }

    private func strings(_ values: [String]) -> YAMLValue {
        .list(values.map(YAMLValue.text))
    }

    private func reference(_ name: String) -> YAMLValue {
        map([("$ref", .text("#/components/schemas/\(name)"))])
    }

    /// Text YAML would otherwise read as a number.
    private func quoted(_ text: String) -> YAMLValue {
        .quoted(text)
    }
}
