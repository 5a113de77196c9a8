import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `dropin serve` against a fake Dwolla on loopback: the exact requests it makes, caching and
/// renewal of the application token, what it refuses without calling Dwolla, and what it
/// answers when Dwolla fails. No secret or token may reach its log.
@Suite(.serialized)
struct ServeTests {
    let scratch: Scratch
    let dwolla = FakeDwolla()

    init() async throws {
        scratch = try Scratch()
        try scratch.write("dropin.yml", """
            version: 1
            environment: sandbox
            token:
              url: /api/dwolla/client-token
            pages:
              - path: bank.html
                title: Bank
                components:
                  - component: dwolla-funding-source-create
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

            """)
        try await dwolla.start()
    }

    private func serve(_ extra: [String] = []) throws -> ServeProcess {
        let serve = try ServeProcess(in: scratch.url, arguments: ["--customer-id", ServeProcess.customer,
                                                                  "--dwolla-api", dwolla.url] + extra)
        try #require(serve.port != 0, "serve did not start: \(serve.log)")
        return serve
    }

    private var route: (ServeProcess) -> String { { "\($0.url)/api/dwolla/client-token" } }

    @Test func itMakesExactlyTheRequestsDwollaDocuments() async throws {
        let serve = try serve()
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: tokenRequest("customer.fundingsources.create"))
        #expect(answer.status == 200)
        #expect(answer.contentType == "application/json")
        #expect(answer.json["token"] as? String == "client-token-2")

        let requests = dwolla.requests
        try #require(requests.map(\.path) == ["/token", "/client-tokens"])
        let basic = Data("\(ServeProcess.key):\(ServeProcess.secret)".utf8).base64EncodedString()
        #expect(requests[0].headers["authorization"] == "Basic \(basic)")
        #expect(requests[0].headers["content-type"] == "application/x-www-form-urlencoded")
        #expect(requests[0].body == "grant_type=client_credentials")
        #expect(requests[1].headers["authorization"] == "Bearer app-token-1")
        #expect(requests[1].headers["accept"] == "application/vnd.dwolla.v1.hal+json")
        #expect(requests[1].headers["content-type"] == "application/json")
        #expect(requests[1].body == #"{"_links":{"customer":{"href":"https:\/\/api-sandbox.dwolla.com\/customers\/\#(ServeProcess.customer)"}},"action":"customer.fundingsources.create"}"#)
    }

    @Test func manyClientTokensShareOneApplicationToken() async throws {
        let serve = try serve()
        defer { serve.stop(); dwolla.stop() }
        let url = route(serve)
        let statuses = try await withThrowingTaskGroup(of: Int.self) { group in
            for _ in 0..<25 { group.addTask { try await post(url, body: tokenRequest("customer.fundingsources.read")).status } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(statuses == Array(repeating: 200, count: 25))
        #expect(dwolla.paths().filter { $0 == "/token" }.count == 1)
        #expect(dwolla.paths().filter { $0 == "/client-tokens" }.count == 25)
    }

    @Test func anExpiringApplicationTokenIsRenewed() async throws {
        dwolla.set(.shortLived)
        let serve = try serve()
        defer { serve.stop(); dwolla.stop() }
        #expect(try await post(route(serve), body: tokenRequest("customer.fundingsources.read")).status == 200)
        #expect(try await post(route(serve), body: tokenRequest("customer.fundingsources.read")).status == 200)
        #expect(dwolla.paths() == ["/token", "/client-tokens", "/client-tokens"])
        // Issued for 61 s, it is renewed 60 s early: a second later it is due.
        try await Task.sleep(for: .milliseconds(1_200))
        #expect(try await post(route(serve), body: tokenRequest("customer.fundingsources.read")).status == 200)
        #expect(dwolla.paths() == ["/token", "/client-tokens", "/client-tokens", "/token", "/client-tokens"])
    }

    @Test func aRejectedApplicationTokenIsRenewedOnceAndRetried() async throws {
        dwolla.set(.unauthorizedOnce)
        let serve = try serve()
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: tokenRequest("customer.fundingsources.read"))
        #expect(answer.status == 200)
        #expect(dwolla.paths() == ["/token", "/client-tokens", "/token", "/client-tokens"])
        #expect(dwolla.requests[3].headers["authorization"] == "Bearer app-token-3")
    }

    @Test func anotherCustomerOrADisallowedActionIsRefusedWithoutCallingDwolla() async throws {
        let serve = try serve()
        defer { serve.stop(); dwolla.stop() }
        let foreign = try await post(route(serve), body: tokenRequest("customer.fundingsources.read",
                                                                       customer: "11111111-2222-3333-4444-555555555555"))
        #expect(foreign.status == 403)
        #expect(foreign.contentType == "application/problem+json")
        #expect(foreign.json["title"] as? String == "Not your customer")
        let disallowed = try await post(route(serve), body: tokenRequest("customer.update"))
        #expect(disallowed.status == 403)
        #expect(disallowed.json["title"] as? String == "Action not allowed")
        let crossSite = try await post(route(serve), body: tokenRequest("customer.fundingsources.read"),
                                       headers: ["Origin": "https://evil.example"])
        #expect(crossSite.status == 403)
        #expect(dwolla.requests.isEmpty)
    }

    @Test(arguments: [
        ("{not json", "The body must be a JSON object."),
        ("[1, 2]", "The body must be a JSON object."),
        (#"{"action": 5}"#, "action must be a non-empty string."),
        (#"{"action": "customer.fundingsources.read", "_links": {"customer": "x"}}"#, #"_links.customer must be {"href": "..."}."#),
        (#"{"action": "customer.fundingsources.read", "extra": true}"#, "Unknown field extra."),
        (#"{"action": "customer.fundingsources.read", "amount": {"currency": "USD", "value": "1.00"}}"#,
         "destination and amount go only with customer.transfers.send."),
    ])
    func malformedRequestsAreRefused(body: String, detail: String) async throws {
        let serve = try serve()
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: body)
        #expect(answer.status == 400)
        #expect(answer.json["detail"] as? String == detail)
        #expect(dwolla.requests.isEmpty)
    }

    @Test func anOversizedBodyIsRefused() async throws {
        let serve = try serve()
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: #"{"action":""# + String(repeating: "a", count: 20_000) + #""}"#)
        #expect(answer.status == 413)
    }

    @Test(arguments: ["failing", "garbage", "slow"])
    func aFailingDwollaIsA502WithNoDetail(mode: String) async throws {
        dwolla.set(mode == "failing" ? .failing : mode == "garbage" ? .garbage : .slow(seconds: 3))
        let serve = try serve(["--dwolla-timeout", "1"])
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: tokenRequest("customer.fundingsources.read"))
        #expect(answer.status == 502)
        #expect(answer.contentType == "application/problem+json")
        #expect(answer.json["detail"] as? String == "Dwolla could not issue a token just now; try again.")
        #expect(!answer.json.values.contains { "\($0)".contains("ServerError") || "\($0)".contains("secret-internal-id") })
    }

    @Test func thePayinVariantPassesDestinationAndAmount() async throws {
        let serve = try serve()
        defer { serve.stop(); dwolla.stop() }
        let destination = "https://api-sandbox.dwolla.com/funding-sources/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
        let answer = try await post(route(serve), body: #"{"action":"customer.transfers.send","_links":{"destination":{"href":"\#(destination)"}},"amount":{"currency":"USD","value":"10.00"}}"#)
        #expect(answer.status == 200)
        let body = try #require(dwolla.requests.last?.body)
        #expect(body.contains(#""amount":{"currency":"USD","value":"10.00"}"#))
        #expect(body.contains(#""destination":{"href":"https:\/\/api-sandbox.dwolla.com\/funding-sources\/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"}"#))
    }

    @Test func noSecretOrTokenReachesTheLog() async throws {
        dwolla.set(.unauthorizedOnce)
        let serve = try serve()
        defer { dwolla.stop() }
        for _ in 0..<3 { _ = try await post(route(serve), body: tokenRequest("customer.fundingsources.read")) }
        _ = try await post(route(serve), body: tokenRequest("customer.update"))
        dwolla.set(.failing)
        _ = try await post(route(serve), body: tokenRequest("customer.fundingsources.read"))
        #expect(serve.stop() == 0)
        let log = serve.log
        #expect(log.contains("client token issued"))
        for secret in [ServeProcess.secret, ServeProcess.key, FakeDwolla.applicationTokenPrefix, FakeDwolla.clientTokenPrefix,
                       Data("\(ServeProcess.key):\(ServeProcess.secret)".utf8).base64EncodedString(), "secret-internal-id"] {
            #expect(!log.contains(secret), "the log holds \(secret)")
        }
    }

    @Test func itServesThePagesItBuilt() async throws {
        let serve = try serve()
        defer { serve.stop(); dwolla.stop() }
        let (data, response) = try await loopback.data(from: URL(string: "\(serve.url)/bank.html")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("<dwolla-funding-source-create"))
    }

    @Test func missingCredentialsStopItAtStart() throws {
        defer { dwolla.stop() }
        let serve = try ServeProcess(in: scratch.url, arguments: [], credentials: false)
        #expect(serve.stop() == 2)
        #expect(serve.log.contains("dropin serve needs DWOLLA_KEY and DWOLLA_SECRET"))
    }

    @Test func aFakeDwollaNeedsNoCredentials() async throws {
        defer { dwolla.stop() }
        let serve = try ServeProcess(in: scratch.url, arguments: ["--fake-dwolla", "--customer-id", ServeProcess.customer],
                                     credentials: false)
        try #require(serve.port != 0, "\(serve.log)")
        let answer = try await post("\(serve.url)/api/dwolla/client-token", body: tokenRequest("customer.fundingsources.read"))
        #expect(answer.status == 200)
        #expect((answer.json["token"] as? String)?.hasPrefix("fake-client-token-") == true)
        #expect(serve.stop(signal: SIGINT) == 0)
    }
}
