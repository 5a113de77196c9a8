import Foundation
import Testing

/// A thousand connections at once, and clients that send half a request and stall beside them:
/// every whole request gets an answer, and serve's memory stays bounded.
struct ConnectionTests {
    @Test func aThousandConnectionsAtOnceAllGetAnswers() async throws {
        let python = try requireTool("python3")
        let example = try await ServedExample.start(dwollaTimeout: 60)
        defer { example.stop() }
        let serve = example.serve
        let outcome = try await runOffPool(python, [
            repositoryRoot.appendingPathComponent("Tests/Load/connections.py").path, "127.0.0.1", String(serve.port),
            "/api/dwolla/client-token", tokenRequest("customer.fundingsources.read"), "1000", "50",
        ])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout == "{\"200\": 1000}\n", "\(serve.log.suffix(1500))")
        #expect(serve.residentKilobytes < 200 * 1024, "serve holds \(serve.residentKilobytes) KiB")
        // Serve is still answering afterwards.
        #expect(try await post("\(serve.url)/api/dwolla/client-token", body: tokenRequest("customer.fundingsources.read")).status == 200)
    }
}
