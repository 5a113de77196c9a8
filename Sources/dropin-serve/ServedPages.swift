import DropinTokenRoute
import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// Serves each page as the app's server would: with `<meta name="dropin-param-NAME"
/// content="...">` for its customer (from --customer-id) and, with a pending pay-in on the
/// command line, for the pay-in's token and blob, minted on the server for that pay-in
/// (params.js takes those from nowhere else); and, when serve watches, with the script that
/// reloads it after the next build.
/// A token costs a call to Dwolla: it is minted only for a page the browser navigates to from
/// this site or directly (not for an image or frame on another site), within the route's rate
/// limit; otherwise the page comes without it and says so.
struct ServedPages<Context: RequestContext>: RouterMiddleware {
    let files: PublicFiles<Context>
    let route: DwollaTokenRoute
    let customerId: String?
    let payin: PendingPayin?
    /// The builds serve has made, when it watches.
    let live: LiveBuild?
    let logger: Logger

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get, let path = request.uri.path.removingPercentEncoding,
              files.isServable(request.uri.path)
        else { return try await next(request, context) }
        let file = path.hasSuffix("/") ? path + "index.html" : path
        guard file.hasSuffix(".html"), let page = try? String(contentsOfFile: files.root + file, encoding: .utf8),
              let head = page.range(of: "</head>")
        else { return try await next(request, context) }
        var additions = await parameterValues(in: page, mayMint: Self.isOwnNavigation(request)).map {
            "<meta name=\"dropin-param-\(HTMLText.escaped($0.name))\" content=\"\(HTMLText.escaped($0.value))\" />\n"
        }
        if let live {
            additions.append(await live.scriptTag + "\n")
        }
        guard !additions.isEmpty else { return try await next(request, context) }
        let served = page.replacingCharacters(in: head.lowerBound..<head.lowerBound, with: additions.joined())
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
}
