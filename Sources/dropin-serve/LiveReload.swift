import DropinCLI
import DropinCore
import Hummingbird

/// The builds `dropin serve --watch` has made: a number that changes with each, and the report
/// of the last one when it failed.
actor LiveBuild {
    private(set) var number = 1
    private(set) var failure: String?
    /// The port the server listens on, kept when it restarts (for --port 0).
    private(set) var port: Int?
    /// A good build the server has yet to restart for, and the inputs it was made from.
    private var replacement: Replacement?
    /// The server stopped for a new build and has yet to listen again.
    private var restarting = false

    struct Replacement: Sendable {
        let rendered: Pipeline.Rendered
        let inputs: WatchedInputs.Contents
    }

    /// A good build's number changes only here, once the server listens with it: the old
    /// server, while it stops, still says the old number, so no page reloads into a closed port.
    func serving(on port: Int) {
        self.port = port
        if restarting {
            number += 1
            restarting = false
        }
    }

    func failed(report: String) {
        number += 1
        failure = report
    }

    func succeeded(_ replacement: Replacement) {
        failure = nil
        self.replacement = replacement
    }

    func takeReplacement() -> Replacement? {
        defer { replacement = nil }
        restarting = replacement != nil
        return replacement
    }

    /// What each served page loads: the number of the build it comes from, so that a page
    /// served just before a build still sees that build.
    var scriptTag: String {
        "<script src=\"\(LiveReload.scriptPath)\" data-build=\"\(number)\" defer=\"defer\"></script>"
    }
}

/// dropin serve's own files for watching, under `/.dropin/` (a path no output file can take,
/// since the server answers none with a dot segment): the reload script, the current build's
/// number it asks for, and, while the last build failed, a page with its report in place of
/// every page. A script file of its own keeps the pages' policy (`script-src 'self'`) intact.
struct LiveReload: RouterMiddleware {
    typealias Context = BasicRequestContext

    static let scriptPath = "/.dropin/reload.js"
    static let buildPath = "/.dropin/build"

    let live: LiveBuild

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        guard request.method == .get || request.method == .head else { return try await next(request, context) }
        let path = request.uri.path
        if path == Self.scriptPath {
            return Self.answer(.ok, "text/javascript; charset=utf-8", Self.script)
        }
        if path == Self.buildPath {
            return Self.answer(.ok, "text/plain; charset=utf-8", String(await live.number))
        }
        if let failure = await live.failure, path.hasSuffix("/") || path.hasSuffix(".html") {
            return Self.answer(.internalServerError, "text/html; charset=utf-8", Self.page(failure, scriptTag: await live.scriptTag))
        }
        return try await next(request, context)
    }

    private static func answer(_ status: HTTPResponse.Status, _ type: String, _ body: String) -> Response {
        Response(status: status, headers: [.contentType: type, .cacheControl: "no-store"],
                 body: ResponseBody(byteBuffer: ByteBuffer(string: body)))
    }

    static func page(_ report: String, scriptTag: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8" />
        <title>dropin serve: the build failed</title>
        \(scriptTag)
        </head>
        <body>
        <h1>The build failed</h1>
        <p>dropin serve is still serving the last good build's files, but not its pages. Fix what the report says; this page reloads when the build succeeds.</p>
        <pre>\(HTMLText.escaped(report))</pre>
        </body>
        </html>

        """
    }

    /// Asks for the build's number every half second and reloads the page when it changes;
    /// while the server restarts for a new build, the request fails and it asks again.
    static let script = """
        // dropin serve: reloads this page when the server has built again.
        (function () {
          var script = document.currentScript;
          var served = script && script.getAttribute("data-build");
          function ask() {
            fetch("\(buildPath)", { cache: "no-store" })
              .then(function (response) { return response.ok ? response.text() : served; })
              .then(function (build) {
                if (build !== served) { location.reload(); } else { setTimeout(ask, 500); }
              }, function () { setTimeout(ask, 500); });
          }
          setTimeout(ask, 500);
        })();

        """
}
