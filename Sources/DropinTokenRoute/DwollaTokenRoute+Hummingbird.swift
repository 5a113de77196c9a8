// The token route on a Hummingbird router: refuses cross-site requests and oversized bodies
// before reading further, then answers as DwollaTokenRoute decides. A 413 asks for the
// connection to be closed (`Connection: close`), as the unread rest of the body makes it
// unusable: add `ClosingConnections` to the server for that to happen.

import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

extension DwollaTokenRoute {
    /// Answers POST `path`. `session` is the app's own lookup of who is signed in.
    public func add<Context: RequestContext>(
        to router: Router<Context>, path: String,
        session: @escaping @Sendable (Request, Context) async -> TokenRouteSession
    ) {
        router.post(RouterPath(path)) { request, context -> Response in
            if Self.isCrossSite(request) {
                self.logger.notice("cross-site token request refused")
                return Self.response(.problem(403, "Cross-site request", "The token route answers only its own site's pages."))
            }
            if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > Self.maximumBodySize {
                return Self.response(.tooLarge)
            }
            var request = request
            let body: ByteBuffer
            do {
                body = try await request.collectBody(upTo: Self.maximumBodySize)
            } catch is NIOTooManyBytesError {
                return Self.response(.tooLarge)
            }
            let client = (context as? any RemoteAddressRequestContext)?.remoteAddress?.ipAddress
            return Self.response(await self.answer(body: Data(buffer: body), session: await session(request, context), client: client))
        }
        router.add(middleware: PostOnly<Context>(path: path))
    }

    /// True when the browser says the request comes from another site: a cross-site fetch, or
    /// an Origin whose host is not the one the request was sent to.
    static func isCrossSite(_ request: Request) -> Bool {
        if request.headers[HTTPField.Name("Sec-Fetch-Site")!] == "cross-site" { return true }
        guard let origin = request.headers[.origin] else { return false }
        guard let host = request.head.authority else { return true }
        return origin != "http://\(host)" && origin != "https://\(host)"
    }

    static func response(_ answer: TokenRouteAnswer) -> Response {
        var headers: HTTPFields = [.contentType: answer.contentType, .cacheControl: "no-store"]
        for (name, value) in answer.headers.sorted(by: { $0.key < $1.key }) {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        return Response(status: HTTPResponse.Status(code: answer.status), headers: headers,
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
    }
}

/// Any other method on the route's path is answered 405, not 404: the path exists.
struct PostOnly<Context: RequestContext>: RouterMiddleware {
    let path: String

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.uri.path == path, request.method != .post else { return try await next(request, context) }
        var response = DwollaTokenRoute.response(.problem(405, "Method not allowed", "The token route answers POST only."))
        response.headers[.allow] = "POST"
        return response
    }
}
