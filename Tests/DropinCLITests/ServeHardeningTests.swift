import Foundation
import Testing

/// `dropin serve` as a web server, attacked as the security review did: files outside the
/// output folder, dotfiles, encoded NULs, protocol-relative paths, foreign Host names (DNS
/// rebinding), missing security headers, connections held open, forged log lines, and the pay-in
/// token and blob it hands the page for the app's checkout.
@Suite(.serialized)
struct ServeHardeningTests {
    let scratch: Scratch
    let dwolla = FakeDwolla()
    let serve: ServeProcess
    static let destination = "https://api-sandbox.dwolla.com/funding-sources/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"

    init() async throws {
        scratch = try Scratch()
        try scratch.write("dropin.yml", """
            version: 1
            environment: sandbox
            partials: [mustache, jinja, erb, ejs]
            server: [node, swift]
            token:
              url: /api/dwolla/client-token
            pages:
              - path: balance.html
                title: Balance
                components:
                  - component: dwolla-balance-display
                    attributes:
                      customerId: {param: customerId}
              - path: pay.html
                title: Pay
                components:
                  - component: dwolla-payin
                    attributes:
                      customerId: {param: customerId}
                      blob: {param: blob}
                      token: {param: token}
                      amount: "25.00"
            dwollaWeb: "3.0.0"
            """)
        try await dwolla.start()
        serve = try ServeProcess(in: scratch.url, arguments: [
            "--customer-id", ServeProcess.customer, "--dwolla-api", dwolla.url, "--rate-limit", "3",
            "--payin-destination", Self.destination, "--payin-amount", "25.00",
        ])
        try #require(serve.port != 0, "serve did not start: \(serve.log)")
    }

    private func stop() {
        serve.stop()
        dwolla.stop()
    }

    /// One raw HTTP/1.1 exchange, so that the path and headers go out exactly as written.
    /// Reads until serve closes the connection (each request asks it to), waiting up to `seconds`:
    /// the fake Dwolla answers on this process's shared threads, which other suites can hold.
    private func exchange(_ request: String, readFor seconds: Double = 30) throws -> String {
        let socket = try RawSocket(port: serve.port)
        defer { socket.close() }
        try socket.send(request)
        return socket.receive(for: seconds)
    }

    private func get(_ path: String, host: String = "127.0.0.1") throws -> String {
        try exchange("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
    }

    @Test func onlyRegularFilesInsideTheOutputFolderAreServed() throws {
        defer { stop() }
        let site = scratch.url.appendingPathComponent("site")
        try Data("SECRET=1\n".utf8).write(to: site.appendingPathComponent(".env"))
        try FileManager.default.createDirectory(at: site.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("[core]\n".utf8).write(to: site.appendingPathComponent(".git/config"))
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("etc-link").path, withDestinationPath: "/etc")
        try FileManager.default.createSymbolicLink(atPath: site.appendingPathComponent("passwd.html").path, withDestinationPath: "/etc/passwd")
        for path in ["/.env", "/.git/config", "/etc-link/passwd", "/passwd.html", "/balance.html%00.png", "/%2e%2e/dropin.yml",
                     "//evil.example", "//evil.example/", "/dropin/../../dropin.yml", "/nothing.html"] {
            let answer = try get(path)
            #expect(answer.hasPrefix("HTTP/1.1 404"), "\(path): \(answer.prefix(200))")
            #expect(!answer.contains("root:") && !answer.contains("SECRET") && !answer.lowercased().contains("location:"), "\(path)")
        }
        #expect(try get("/balance.html").hasPrefix("HTTP/1.1 200"))
        #expect(try get("/").hasPrefix("HTTP/1.1 200"))
    }

    /// The web root holds what a browser loads and nothing else: no snippet, route code,
    /// contract, allowlist or record is there, so none is served, at its path or any other.
    @Test func servingThePublicFolderShowsNothingPrivate() throws {
        defer { stop() }
        let publicFiles = regularFiles(in: scratch.url.appendingPathComponent("site"))
        let privateFiles = regularFiles(in: scratch.url.appendingPathComponent("site-private"))
        #expect(privateFiles.count > 20 && privateFiles.contains("dropin/owned.json") && privateFiles.contains("dropin/token-route.json"))
        #expect(Set(publicFiles).isDisjoint(with: privateFiles))
        #expect(publicFiles.allSatisfy { $0.hasSuffix(".html") || $0.hasSuffix(".js") || $0.hasSuffix(".css") }, "\(publicFiles)")
        for path in publicFiles {
            #expect(try get("/" + path).hasPrefix("HTTP/1.1 200"), "\(path)")
        }
        for path in privateFiles {
            #expect(try get("/" + path).hasPrefix("HTTP/1.1 404"), "\(path)")
        }
    }

    @Test func onlyLoopbackHostNamesAreAnswered() throws {
        defer { stop() }
        for host in ["evil.example", "evil.example:\(serve.port)", "127.0.0.1.evil.example", "10.0.0.1"] {
            #expect(try get("/balance.html", host: host).hasPrefix("HTTP/1.1 403"), "\(host)")
            let token = try exchange("POST /api/dwolla/client-token HTTP/1.1\r\nHost: \(host)\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
            #expect(token.hasPrefix("HTTP/1.1 403"), "\(host)")
        }
        #expect(dwolla.requests.isEmpty)
        for host in ["127.0.0.1", "localhost:\(serve.port)", "[::1]:\(serve.port)", "app.localhost"] {
            #expect(try get("/balance.html", host: host).hasPrefix("HTTP/1.1 200"), "\(host)")
        }
    }

    @Test func everyAnswerCarriesSecurityHeaders() throws {
        defer { stop() }
        let page = try get("/balance.html").lowercased()
        #expect(page.contains("content-security-policy: default-src 'none'; script-src 'self' https://cdn.dwolla.com"))
        #expect(page.contains("frame-ancestors 'none'"))
        #expect(page.contains("x-content-type-options: nosniff"))
        #expect(page.contains("referrer-policy: same-origin"))
        #expect(page.contains("content-type: text/html"))
        let script = try get("/dropin/params.js").lowercased()
        #expect(script.contains("content-security-policy: default-src 'none'; frame-ancestors 'none'"))
        #expect(script.contains("content-type: application/javascript") || script.contains("content-type: text/javascript"))
        let stylesheet = try get("/styles/dwolla.css").lowercased()
        #expect(stylesheet.contains("x-content-type-options: nosniff") && stylesheet.contains("content-type: text/css"))
    }

    @Test func refusalsCarryTheHeadersToo() throws {
        defer { stop() }
        let foreignHost = try get("/balance.html", host: "evil.example").lowercased()
        let wrongMethod = try exchange("PUT /balance.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").lowercased()
        let missing = try get("/nothing.html").lowercased()
        for answer in [foreignHost, wrongMethod, missing] {
            #expect(answer.contains("x-content-type-options: nosniff") && answer.contains("frame-ancestors 'none'"), "\(answer.prefix(300))")
        }
    }

    /// A pay page's token costs a call to Dwolla: an image on another site, a HEAD, or a page
    /// asked for too often gets the page without one.
    @Test func aPayinTokenIsMintedOnlyForTheSitesOwnNavigationsWithinTheLimit() throws {
        defer { stop() }
        let crossSite = try exchange("GET /pay.html HTTP/1.1\r\nHost: 127.0.0.1\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Dest: image\r\nConnection: close\r\n\r\n")
        #expect(crossSite.hasPrefix("HTTP/1.1 200") && !crossSite.contains("<meta name=\"dropin-param-token\""))
        let head = try exchange("HEAD /pay.html HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        #expect(head.hasPrefix("HTTP/1.1 200"))
        #expect(dwolla.requests.isEmpty)
        // serve runs with --rate-limit 3.
        let pages = try (0..<5).map { _ in try get("/pay.html") }
        #expect(pages.map { $0.contains("<meta name=\"dropin-param-token\"") } == [true, true, true, false, false])
        #expect(dwolla.paths().filter { $0 == "/client-tokens" }.count == 3)
    }

    @Test func aDeclaredOversizedBodyIsRefusedUnreadAndTheConnectionClosed() throws {
        defer { stop() }
        // Headers only: the answer must come without the body, and then the connection must end.
        let answer = try exchange("POST /api/dwolla/client-token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n\r\n", readFor: 5)
        #expect(answer.hasPrefix("HTTP/1.1 413"), "\(answer.prefix(200))")
        #expect(answer.lowercased().contains("connection: close"))
        #expect(answer.contains("Request too large"))
    }

    @Test func aConnectionThatSendsNoWholeRequestIsClosed() throws {
        defer { stop() }
        let socket = try RawSocket(port: serve.port)
        defer { socket.close() }
        try socket.send("GET /balance.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        let start = Date()
        // The rest of the headers never comes: serve must hang up on its own within its 15 s.
        _ = socket.receive(for: 30)
        #expect(socket.closedByPeer)
        #expect(Date().timeIntervalSince(start) < 25)
    }

    @Test func requestTextCannotForgeALogLine() async throws {
        defer { stop() }
        let forged = "x\\n2026-01-01T00:00:00 critical dropin.serve : forged\\u001b[31m"
        _ = try await post("\(serve.url)/api/dwolla/client-token", body: #"{"action":"\#(forged)"}"#)
        _ = try get("/x%0a2026-01-01T00:00:00%20critical%20forged%1b[31m.html")
        #expect(serve.stop() == 0)
        let lines = serve.log.split(separator: "\n")
        #expect(!lines.contains { $0.hasPrefix("2026-01-01T00:00:00 critical") }, "\(serve.log)")
        #expect(!serve.log.contains("\u{1b}"))
        #expect(serve.log.contains(#"x\u{a}2026-01-01T00:00:00 critical dropin.serve : forged\u{1b}[31m"#), "\(serve.log)")
        dwolla.stop()
    }

    @Test func aSessionAskingTooOftenIsToldToWait() async throws {
        defer { stop() }
        var statuses: [Int] = []
        for _ in 0..<4 { statuses.append(try await post("\(serve.url)/api/dwolla/client-token", body: tokenRequest("customer.fundingsources.read")).status) }
        #expect(statuses == [200, 200, 200, 429])
        let answer = try exchange("POST /api/dwolla/client-token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}")
        #expect(answer.hasPrefix("HTTP/1.1 400"), "a malformed request is refused before it counts")
        let body = #"{"action":"customer.fundingsources.read"}"#
        let limited = try exchange("POST /api/dwolla/client-token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: \(body.utf8.count)\r\nConnection: close\r\n\r\n\(body)")
        #expect(limited.hasPrefix("HTTP/1.1 429"))
        let retryAfter = limited.split(separator: "\r\n").first { $0.lowercased().hasPrefix("retry-after:") }
        let seconds = retryAfter.flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) }
        #expect(seconds.map { (1...60).contains($0) } == true, "\(limited.prefix(300))")
    }

    @Test func thePayPageGetsItsTokenAndBlobFromTheServer() throws {
        defer { stop() }
        let page = try get("/pay.html?token=from-the-address&blob=from-the-address")
        #expect(page.contains(#"<meta name="dropin-param-customerId" content="\#(ServeProcess.customer)" />"#))
        #expect(page.contains(#"<meta name="dropin-param-token" content="client-token-2" />"#), "\(page)")
        #expect(page.contains(#"<meta name="dropin-param-blob" content="blob-2" />"#))
        let body = try #require(dwolla.requests.last?.body)
        #expect(try sameJSON(body, #"{"action":"customer.transfers.send","_links":{"customer":{"href":"https://api-sandbox.dwolla.com/customers/\#(ServeProcess.customer)"},"destination":{"href":"\#(Self.destination)"}},"amount":{"currency":"USD","value":"25.00"}}"#))
        let balance = try get("/balance.html")
        #expect(!balance.contains("<meta name=\"dropin-param-token\""))
    }
}

/// A plain TCP connection to loopback.
final class RawSocket {
    private let descriptor: Int32
    private(set) var closedByPeer = false

    init(port: Int) throws {
        descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw RawSocketError() }
    }

    func send(_ text: String) throws {
        let bytes = Array(text.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else { throw RawSocketError() }
    }

    /// What arrives until the peer closes or `seconds` pass.
    func receive(for seconds: Double) -> String {
        var received: [UInt8] = []
        let deadline = Date().addingTimeInterval(seconds)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            let remaining = Int32(max(1, deadline.timeIntervalSinceNow * 1000))
            guard poll(&poller, 1, min(remaining, 200)) > 0 else { continue }
            let count = read(descriptor, &buffer, buffer.count)
            if count <= 0 {
                closedByPeer = true
                break
            }
            received += buffer[..<count]
        }
        return String(decoding: received, as: UTF8.self)
    }

    func close() {
        _ = Glibc.close(descriptor)
    }
}

struct RawSocketError: Error {}
