import HTTPTypes
import Hummingbird

/// The headers a production server sends with every answer: the pages' own policy as a header
/// too (where `frame-ancestors`, which a meta policy cannot carry, keeps them out of other
/// sites' frames), a policy that allows nothing for every other file, no content sniffing, no
/// address sent to other sites, and a content type for every file.
struct SecurityHeaders<Context: RequestContext>: RouterMiddleware {
    /// The pages' policy; nil when the manifest turns it off.
    let pagePolicy: String?

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response: Response
        do {
            response = try await next(request, context)
        } catch let error as any HTTPResponseError {
            // A 404, 405 or 416 from further in gets the same headers.
            response = try error.response(from: request, context: context)
        }
        if response.headers[.contentType] == nil && response.status == .ok {
            response.headers[.contentType] = "application/octet-stream"
        }
        let isPage = response.headers[.contentType]?.hasPrefix("text/html") == true
        let policy = isPage ? pagePolicy.map { $0 + "; frame-ancestors 'none'" } ?? "frame-ancestors 'none'"
            : "default-src 'none'; frame-ancestors 'none'"
        response.headers[.contentSecurityPolicy] = policy
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[HTTPField.Name("Referrer-Policy")!] = "same-origin"
        return response
    }
}
