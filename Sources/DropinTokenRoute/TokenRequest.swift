// A token request as dwolla-web.js sends it, `{action, _links, links}` (and from a hand-made
// request, `amount`), parsed strictly: anything the route does not understand is refused, so
// nothing it does not check can reach Dwolla.

import Foundation

struct TokenRequest {
    struct Problem: Error {
        let detail: String
        var answer: TokenRouteAnswer { .problem(400, "Malformed token request", detail) }
    }

    static let fields: Set<String> = ["action", "_links", "links", "amount"]
    static let linkNames: Set<String> = ["customer", "client", "beneficial-owner", "destination"]
    /// In code points, as the contract's maxLength counts.
    static let maximumHrefLength = 1000

    let action: String
    /// Each link by name, from `_links`, else `links`.
    let links: [String: String]
    /// The customer links of both groups: each must be the session's.
    let customerHrefs: [String]
    /// `_links` and `links` both sent, naming different links: dwolla-web.js sends them alike,
    /// and were they allowed to differ, a check could read one while Dwolla's body came from
    /// the other.
    let linksDisagree: Bool
    let amount: (currency: String, value: String)?

    static func parse(_ body: Data) -> Result<TokenRequest, Problem> {
        guard !body.starts(with: [0xEF, 0xBB, 0xBF]), String(data: body, encoding: .utf8) != nil else {
            return .failure(Problem(detail: "The body must be UTF-8 JSON without a byte-order mark."))
        }
        // A NUL is never in JSON text, and with them Foundation's parser reads UTF-16 and
        // UTF-32 bodies, which no other route does.
        guard !body.contains(0) else { return .failure(Problem(detail: "The body must be a JSON object.")) }
        guard let object = (try? JSONSerialization.jsonObject(with: body)) as? [String: Any] else {
            return .failure(Problem(detail: "The body must be a JSON object."))
        }
        if let unknown = object.keys.sorted().first(where: { !fields.contains($0) }) {
            return .failure(Problem(detail: "Unknown field \(unknown)."))
        }
        guard let action = object["action"] as? String, !action.isEmpty else {
            return .failure(Problem(detail: "action must be a non-empty string."))
        }
        var groups: [[String: String]] = []
        for key in ["_links", "links"] where object[key] != nil {
            switch linkGroup(object[key], key: key) {
            case .success(let links): groups.append(links)
            case .failure(let problem): return .failure(problem)
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
        return .success(TokenRequest(action: action, links: groups.first ?? [:], customerHrefs: groups.compactMap { $0["customer"] },
                                     linksDisagree: groups.count == 2 && !sameLinks(groups[0], groups[1]), amount: amount))
    }

    /// The same links with the same hrefs, compared by code point: String's equality would take
    /// `é` and `e` with a combining accent for the same href.
    private static func sameLinks(_ one: [String: String], _ other: [String: String]) -> Bool {
        one.count == other.count && one.allSatisfy { name, href in other[name].map { Array($0.unicodeScalars) == Array(href.unicodeScalars) } ?? false }
    }

    private static func linkGroup(_ value: Any?, key: String) -> Result<[String: String], Problem> {
        guard let group = value as? [String: Any] else { return .failure(Problem(detail: "\(key) must be an object.")) }
        var links: [String: String] = [:]
        for name in group.keys.sorted() {
            guard linkNames.contains(name) else { return .failure(Problem(detail: "Unknown link \(name).")) }
            guard let link = group[name] as? [String: Any], link.count == 1, let href = link["href"] as? String,
                  href.unicodeScalars.count <= maximumHrefLength else {
                return .failure(Problem(detail: "\(key).\(name) must be {\"href\": \"...\"}, at most \(maximumHrefLength) characters."))
            }
            links[name] = href
        }
        return .success(links)
    }

    /// Links and amounts must be well-formed and belong to the pay-in where they are used. The
    /// browser names resources by href only; a bare id is for the app's own session values.
    func shapeProblem(resources: URL) -> Problem? {
        let isPayin = action == DwollaTokenRoute.payinAction
        if !isPayin && (links["destination"] != nil || amount != nil) {
            return Problem(detail: "destination and amount go only with customer.transfers.send.")
        }
        if let destination = links["destination"], Self.isUUID(destination) || Self.resourceHref(destination, "funding-sources", resources: resources) == nil {
            return Problem(detail: "_links.destination must be a funding source of this Dwolla environment.")
        }
        if let owner = links["beneficial-owner"], Self.isUUID(owner) || Self.resourceHref(owner, "beneficial-owners", resources: resources) == nil {
            return Problem(detail: "_links.beneficial-owner must be a beneficial owner of this Dwolla environment.")
        }
        if let amount, amount.currency != "USD" || PayinAmount.dollars(amount.value) == nil {
            return Problem(detail: "amount must be USD with a value such as 10.00.")
        }
        return nil
    }

    /// A resource of the environment's API (`{api}/funding-sources/ID`), given its href or its
    /// bare id, as an href; nil when it names anything else.
    static func resourceHref(_ idOrHref: String, _ collection: String, resources: URL) -> String? {
        let prefix = resources.appendingPathComponent(collection).absoluteString + "/"
        let href = isUUID(idOrHref) ? prefix + idOrHref : idOrHref
        return href.hasPrefix(prefix) && isUUID(String(href.dropFirst(prefix.count))) ? href : nil
    }

    /// The resource's id, lowercased, for comparisons.
    static func resourceId(_ idOrHref: String, _ collection: String, resources: URL) -> String? {
        resourceHref(idOrHref, collection, resources: resources).map { String($0.split(separator: "/").last ?? "").lowercased() }
    }

    /// Exactly a UUID: 8-4-4-4-12 hex digits (Foundation's parser takes a trailing NUL).
    static func isUUID(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count == 36 else { return false }
        return bytes.enumerated().allSatisfy { index, byte in
            [8, 13, 18, 23].contains(index) ? byte == UInt8(ascii: "-")
                : (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
        }
    }
}
