import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `dropin serve` watching its inputs (the default): a manifest or template edit builds again and
/// serves the new build on the same port, a broken manifest is shown in place of the pages, and
/// `--no-watch` serves the pages as built.
@Suite(.serialized)
struct ServeWatchTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
        try scratch.write("dropin.yml", ValidateCommandTests.valid + "templates: templates\n")
        let page = try dropin("templates", "cat", "page.html.mustache", in: scratch.url)
        try #require(page.status == 0, "\(page.stderr)")
        try scratch.write("templates/page.html.mustache", page.stdout)
    }

    private func get(_ serve: ServeProcess, _ path: String) async throws -> (status: Int, body: String) {
        let (data, response) = try await loopback.data(from: URL(string: serve.url + path)!)
        return ((response as! HTTPURLResponse).statusCode, String(decoding: data, as: UTF8.self))
    }

    /// Waits until serve answers `path` with what `done` accepts.
    private func waitFor(_ serve: ServeProcess, _ path: String, seconds: Double = 20,
                         _ done: (Int, String) -> Bool) async throws -> (status: Int, body: String)? {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if let answer = try? await get(serve, path), done(answer.status, answer.body) { return answer }
            try await Task.sleep(for: .milliseconds(100))
        }
        return nil
    }

    @Test func aManifestOrTemplateEditIsServedOnTheSamePortWithANewBuildNumber() async throws {
        let serve = try ServeProcess(in: scratch.url, arguments: ["--fake-dwolla"])
        defer { serve.stop() }
        try #require(serve.port != 0, "serve did not start: \(serve.log)")
        let first = try await get(serve, "/a.html")
        #expect(first.body.contains("<h1>A</h1>"))
        #expect(first.body.contains(#"<script src="/.dropin/reload.js" data-build="1" defer="defer"></script>"#))
        let script = try await get(serve, "/.dropin/reload.js")
        #expect(script.status == 200 && script.body.contains("location.reload()"))
        // Like every page, serve's own files answer loopback names only (no DNS rebinding).
        let socket = try RawSocket(port: serve.port)
        defer { socket.close() }
        try socket.send("GET /.dropin/build HTTP/1.1\r\nHost: rebound.example\r\nConnection: close\r\n\r\n")
        let foreign = socket.receive(for: 10)
        #expect(foreign.hasPrefix("HTTP/1.1 403"), "\(foreign.prefix(200))")

        try scratch.write("dropin.yml", ValidateCommandTests.valid.replacingOccurrences(of: "title: A", with: "title: B") + "templates: templates\n")
        let rebuilt = try await waitFor(serve, "/a.html") { $1.contains("<h1>B</h1>") }
        #expect(rebuilt?.body.contains(#"data-build="2""#) == true, "\(serve.log)")
        #expect(try await get(serve, "/.dropin/build").body == "2")

        let template = try scratch.read("templates/page.html.mustache")
        try scratch.write("templates/page.html.mustache", template.replacingOccurrences(of: "<body>", with: "<body>\n<p>From the template</p>"))
        let fromTemplate = try await waitFor(serve, "/a.html") { $1.contains("<p>From the template</p>") }
        #expect(fromTemplate != nil, "a template edit was not served: \(serve.log)")
        #expect(try await get(serve, "/.dropin/build").body == "3")
        #expect(serve.log.components(separatedBy: "at http://127.0.0.1:\(serve.port)/").count == 4, "one port for every build: \(serve.log)")
        #expect(serve.log.components(separatedBy: "No customer is set").count == 2, "said once: \(serve.log)")
        #expect(serve.stop() == 0)
    }

    @Test func aBrokenManifestIsShownInThePageAndTheTerminalUntilItIsFixed() async throws {
        let serve = try ServeProcess(in: scratch.url, arguments: ["--fake-dwolla"])
        defer { serve.stop() }
        try #require(serve.port != 0, "serve did not start: \(serve.log)")
        try scratch.write("dropin.yml", ValidateCommandTests.valid.replacingOccurrences(of: "title: A", with: "titel: <A>") + "templates: templates\n")
        let broken = try await waitFor(serve, "/a.html") { status, _ in status == 500 }
        let page = try #require(broken?.body)
        #expect(page.contains("<h1>The build failed</h1>"))
        #expect(page.contains("dropin.yml:7:5: error: unknown key &#39;titel&#39;"), "\(page)")
        #expect(page.contains("titel: &lt;A&gt;") && !page.contains("<A>"), "the report is escaped")
        #expect(page.contains(#"<script src="/.dropin/reload.js" data-build="2""#))
        #expect(serve.log.contains("dropin.yml:7:5: error: unknown key 'titel'"), "\(serve.log)")
        // The last good build's files are still served; only its pages wait for a good build.
        #expect(try await get(serve, "/dropin/configure.js").status == 200)

        try scratch.write("dropin.yml", ValidateCommandTests.valid + "templates: templates\n")
        let fixed = try await waitFor(serve, "/a.html") { status, body in status == 200 && body.contains("<h1>A</h1>") }
        #expect(fixed?.body.contains(#"data-build="3""#) == true, "\(serve.log)")
    }

    @Test func withoutWatchingThePagesAreServedAsBuilt() async throws {
        let serve = try ServeProcess(in: scratch.url, arguments: ["--fake-dwolla", "--no-watch"])
        defer { serve.stop() }
        try #require(serve.port != 0, "serve did not start: \(serve.log)")
        let page = try await get(serve, "/a.html")
        #expect(page.body == (try scratch.read("site/a.html")))
        #expect(try await get(serve, "/.dropin/reload.js").status == 404)
        #expect(!serve.log.contains("Watching"))
    }
}
