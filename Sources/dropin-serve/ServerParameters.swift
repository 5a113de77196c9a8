import DropinTokenRoute
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Plays the app's server for the pages' parameters, as an app's own templates would: each page
/// is served with `<meta name="dropin-param-NAME" content="...">` for its customer (from
/// --customer-id) and, with a pending pay-in on the command line, for the pay-in's token and
/// blob, minted on the server for that pay-in (params.js takes those from nowhere else).
/// A token costs a call to Dwolla: it is minted only for a page the browser navigates to from
/// this site or directly (not for an image or frame on another site), within the route's rate
/// limit; otherwise the page comes without it and says so.
struct ServerParameters<Context: RequestContext>: RouterMiddleware {
    let files: PublicFiles<Context>
    let route: DwollaTokenRoute
    let customerId: String?
    let payin: PendingPayin?
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, let path = request.uri.path.removingPercentEncoding,
              path.hasSuffix(".html"), files.isServable(request.uri.path),
              let page = try? String(contentsOfFile: files.root + path, encoding: .utf8),
              let head = page.range(of: "</head>")
        else { return try await next(request, context) }
        let values = await parameterValues(in: page, mayMint: Self.isOwnNavigation(request))
        guard !values.isEmpty else { return try await next(request, context) }
        let metas = values.map { "<meta name=\"dropin-param-\(Self.escaped($0.name))\" content=\"\(Self.escaped($0.value))\" />\n" }
        let served = page.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: metas.joined())
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: served)))
    }

    private func parameterValues(in page: String, mayMint: Bool) async -> [(name: String, value: String)] {
        var values: [(String, String)] = []
        if let customerId {
            values += Self.names(of: "customerid", in: page).map { ($0, customerId) }
        }
        let tokens = Self.names(of: "token", in: page), blobs = Self.names(of: "blob", in: page)
        guard let payin, let customerId, !(tokens.isEmpty && blobs.isEmpty) else { return values }
        guard mayMint else {
            logger.notice("no pay-in token for a request from another site")
            return values
        }
        if route.rateLimitWait(for: "pay-in page " + customerId) != nil {
            logger.notice("no pay-in token: the customer's pages asked too often")
            return values
        }
        do {
            let minted = try await route.payinToken(customerId: customerId, payin: payin)
            values += tokens.map { ($0, minted.token) }
            values += minted.blob.map { blob in blobs.map { ($0, blob) } } ?? []
        } catch {
            logger.error("no pay-in token for the page", metadata: ["reason": "\(error)"])
        }
        return values
    }

    /// A top-level navigation, or a fetch from this site; not an image, frame or script that
    /// another site's page points here.
    static func isOwnNavigation(_ request: Request) -> Bool {
        let site = request.headers[HTTPField.Name("Sec-Fetch-Site")!]
        let destination = request.headers[HTTPField.Name("Sec-Fetch-Dest")!]
        guard site != "cross-site" && site != "same-site" else { return false }
        return destination == nil || destination == "document" || destination == "empty"
    }

    /// The parameter names the page's elements take for an attribute, each once.
    static func names(of attribute: String, in page: String) -> [String] {
        let marker = "data-dropin-param-\(attribute)=\""
        var names: [String] = []
        var rest = page[...]
        while let start = rest.range(of: marker), let end = rest[start.upperBound...].firstIndex(of: "\"") {
            let name = String(rest[start.upperBound..<end])
            if !names.contains(name) { names.append(name) }
            rest = rest[end...]
        }
        return names
    }

    private static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
            .replacingOccurrences(of: "'", with: "&#39;")
    }
}
