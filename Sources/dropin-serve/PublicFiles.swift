import Foundation
import Hummingbird

/// Lets through to the file server only paths that name a regular file, or a folder with an
/// index.html, inside the output folder, reached without a symbolic link, a dotfile or dot
/// folder, an empty or encoded-NUL segment; everything else is 404. A path the token route
/// answers goes on untouched.
struct PublicFiles<Context: RequestContext>: RouterMiddleware {
    /// The output folder's real path.
    let root: String
    let routePath: String

    init(folder: URL, routePath: String) {
        root = folder.resolvingSymlinksInPath().path
        self.routePath = routePath
    }

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if request.uri.path == routePath || isServable(request.uri.path) {
            return try await next(request, context)
        }
        return Response(status: .notFound, headers: [.contentType: "text/plain; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(string: "Not found\n")))
    }

    func isServable(_ rawPath: String) -> Bool {
        guard let path = rawPath.removingPercentEncoding, path.hasPrefix("/"),
              !path.unicodeScalars.contains(where: { $0.value == 0 || $0 == "\\" }) else { return false }
        var segments = path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        if segments.last == "" { segments.removeLast() }
        guard segments.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else { return false }
        var current = root
        for segment in segments {
            current += "/" + segment
            // Below a file, lstat fails: only folders lead further.
            guard let kind = Self.kind(current), kind != S_IFLNK else { return false }
        }
        switch Self.kind(current) {
        case S_IFREG: return true
        case S_IFDIR: return Self.kind(current + "/index.html") == S_IFREG
        default: return false
        }
    }

    /// The file's type, not following a symbolic link; nil when there is nothing.
    private static func kind(_ path: String) -> mode_t? {
        var status = stat()
        return lstat(path, &status) == 0 ? status.st_mode & S_IFMT : nil
    }
}
