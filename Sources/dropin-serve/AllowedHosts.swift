import Hummingbird

/// Answers only requests addressed to this machine by a loopback name, or to a name the user
/// allowed: a web page elsewhere whose name an attacker points at 127.0.0.1 (DNS rebinding)
/// then reaches neither the pages nor the token route, which holds the developer's Dwolla
/// credentials.
struct AllowedHosts<Context: RequestContext>: RouterMiddleware {
    let names: Set<String>

    init(listeningOn host: String, allowing extra: [String]) {
        names = Set(([host] + extra).map { $0.lowercased() }).subtracting(["0.0.0.0", "::", "[::]"])
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard let authority = request.head.authority, isAllowed(Self.hostName(authority)) else {
            return Response(status: .forbidden, headers: [.contentType: "text/plain; charset=utf-8"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "dropin serve answers only localhost and the names --allow-host gives.\n")))
        }
        return try await next(request, context)
    }

    func isAllowed(_ host: String) -> Bool {
        let host = host.lowercased()
        if names.contains(host) || host == "localhost" || host.hasSuffix(".localhost") || host == "[::1]" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        return octets.count == 4 && octets[0] == "127" && octets.allSatisfy { UInt8($0) != nil }
    }

    /// The host without its port: `[::1]:8080` is `[::1]`, `localhost:8080` is `localhost`.
    static func hostName(_ authority: String) -> String {
        if authority.hasPrefix("["), let end = authority.firstIndex(of: "]") { return String(authority[...end]) }
        return String(authority.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first ?? "")
    }
}
