import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The token route that `dropin serve` runs, and the Node one `dropin build` writes, against a
/// fake Dwolla on loopback: the exact requests each makes, caching and renewal of the
/// application token, what each refuses without calling Dwolla, and what each answers when
/// Dwolla fails. No secret or token may reach their logs.
enum Route: String, CaseIterable, Sendable {
    case serve
    case node
}

@Suite(.serialized)
struct ServeTests {
    let scratch: Scratch
    let dwolla = FakeDwolla()

    init() async throws {
        scratch = try Scratch()
        try scratch.write("dropin.yml", """
            version: 1
            environment: sandbox
            server: [node]
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
            dwollaWeb: "3.0.0"
            """)
        try await dwolla.start()
    }

    private func serve() throws -> ServeProcess {
        try launch(.serve)
    }

    /// Starts the route: serve with the fake as its Dwolla, or the Node handler from a build.
    /// With `payin`, serve stands in for a checkout that decided a pay-in of 10.00 to
    /// `destination`; the Node harness takes that session from each request's header.
    private func launch(_ route: Route, timeout: Double = 10, payin: Bool = false) throws -> ServeProcess {
        let process: ServeProcess
        switch route {
        case .serve:
            let pending = payin ? ["--payin-destination", Self.destination, "--payin-amount", "10.00"] : []
            process = try ServeProcess(in: scratch.url, arguments: ["--customer-id", ServeProcess.customer, "--dwolla-api", dwolla.url,
                                                                    "--dwolla-timeout", String(timeout), "--rate-limit", "0"] + pending)
        case .node:
            let built = try dropin("build", in: scratch.url)
            try #require(built.status == 0, "\(built.stderr)")
            let node = try requireTool("node")
            process = try ServeProcess(node, [
                repositoryRoot.appendingPathComponent("Tests/Node/token-route-harness.js").path,
                scratch.url.appendingPathComponent("site-private/dropin/server/node/dwolla-token-route.js").path,
                dwolla.url, String(Int(timeout * 1000)), ServeProcess.customer,
            ], in: scratch.url)
        }
        try #require(process.port != 0, "\(route) did not start: \(process.log)")
        return process
    }

    private var route: (ServeProcess) -> String { { "\($0.url)/api/dwolla/client-token" } }

    @Test(arguments: Route.allCases)
    func itMakesExactlyTheRequestsDwollaDocuments(route kind: Route) async throws {
        let serve = try launch(kind)
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
        #expect(try sameJSON(requests[1].body, #"{"action":"customer.fundingsources.create","_links":{"customer":{"href":"https://api-sandbox.dwolla.com/customers/\#(ServeProcess.customer)"}}}"#))
    }

    @Test(arguments: Route.allCases)
    func manyClientTokensShareOneApplicationToken(route kind: Route) async throws {
        let serve = try launch(kind)
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

    @Test(arguments: Route.allCases)
    func anExpiringApplicationTokenIsRenewed(route kind: Route) async throws {
        dwolla.set(.shortLived)
        let serve = try launch(kind)
        defer { serve.stop(); dwolla.stop() }
        // Issued for 60 s and renewed a minute early, each application token is due at once, so
        // the test needs no clock: caching is shown by manyClientTokensShareOneApplicationToken.
        #expect(try await post(route(serve), body: tokenRequest("customer.fundingsources.read")).status == 200)
        #expect(try await post(route(serve), body: tokenRequest("customer.fundingsources.read")).status == 200)
        #expect(dwolla.paths() == ["/token", "/client-tokens", "/token", "/client-tokens"])
        #expect(dwolla.requests[3].headers["authorization"] == "Bearer \(FakeDwolla.applicationTokenPrefix)3")
    }

    @Test(arguments: Route.allCases)
    func aRejectedApplicationTokenIsRenewedOnceAndRetried(route kind: Route) async throws {
        dwolla.set(.unauthorizedOnce)
        let serve = try launch(kind)
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: tokenRequest("customer.fundingsources.read"))
        #expect(answer.status == 200)
        #expect(dwolla.paths() == ["/token", "/client-tokens", "/token", "/client-tokens"])
        #expect(dwolla.requests[3].headers["authorization"] == "Bearer app-token-3")
    }

    @Test(arguments: Route.allCases)
    func anotherCustomerOrADisallowedActionIsRefusedWithoutCallingDwolla(route kind: Route) async throws {
        let serve = try launch(kind)
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

    @Test(arguments: Route.allCases, [
        ("{not json", "The body must be a JSON object."),
        ("[1, 2]", "The body must be a JSON object."),
        (#"{"action": 5}"#, "action must be a non-empty string."),
        (#"{"action": "customer.fundingsources.read", "_links": {"customer": "x"}}"#, #"_links.customer must be {"href": "..."}, at most 1000 characters."#),
        (#"{"action": "customer.fundingsources.read", "extra": true}"#, "Unknown field extra."),
        (#"{"action": "customer.fundingsources.read", "amount": {"currency": "USD", "value": "1.00"}}"#,
         "destination and amount go only with customer.transfers.send."),
    ])
    func malformedRequestsAreRefused(route kind: Route, _ request: (body: String, detail: String)) async throws {
        let (body, detail) = request
        let serve = try launch(kind)
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: body)
        #expect(answer.status == 400)
        #expect(answer.json["detail"] as? String == detail)
        #expect(dwolla.requests.isEmpty)
    }

    @Test(arguments: Route.allCases)
    func anOversizedBodyIsRefused(route kind: Route) async throws {
        let serve = try launch(kind)
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: #"{"action":""# + String(repeating: "a", count: 20_000) + #""}"#)
        #expect(answer.status == 413)
    }

    @Test(arguments: Route.allCases, ["failing", "garbage", "slow"])
    func aFailingDwollaIsA502WithNoDetail(route kind: Route, mode: String) async throws {
        dwolla.set(mode == "failing" ? .failing : mode == "garbage" ? .garbage : .slow(seconds: 3))
        let serve = try launch(kind, timeout: 1)
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: tokenRequest("customer.fundingsources.read"))
        #expect(answer.status == 502)
        #expect(answer.contentType == "application/problem+json")
        #expect(answer.json["detail"] as? String == "Dwolla could not issue a token just now; try again.")
        #expect(!answer.json.values.contains { "\($0)".contains("ServerError") || "\($0)".contains("secret-internal-id") })
    }

    /// The security review's attack: a signed-in customer naming any payee and any amount got a
    /// transfer token for them. Now only the pending pay-in the app decided is minted.
    @Test(arguments: Route.allCases)
    func aPayinTokenIsMintedOnlyForThePendingPayin(route kind: Route) async throws {
        let serve = try launch(kind, payin: true)
        defer { serve.stop(); dwolla.stop() }
        let session = kind == .node ? ["X-Test-Session": Self.payinSession] : [:]
        let other = "https://api-sandbox.dwolla.com/funding-sources/11111111-2222-4333-8444-555555555555"
        let attacks = [
            #"{"action":"customer.transfers.send","_links":{"destination":{"href":"\#(other)"}}}"#,
            #"{"action":"customer.transfers.send","amount":{"currency":"USD","value":"99999.99"}}"#,
            #"{"action":"customer.transfers.send","_links":{"destination":{"href":"\#(other)"}},"amount":{"currency":"USD","value":"10.00"}}"#,
        ]
        for attack in attacks {
            let answer = try await post(route(serve), body: attack, headers: session)
            #expect(answer.status == 403, "\(attack)")
            #expect(answer.json["title"] as? String == "Not this pay-in")
        }
        #expect(dwolla.requests.isEmpty)
        let answer = try await post(route(serve), body: tokenRequest(Self.payinAction), headers: session)
        #expect(answer.status == 200)
        let body = try #require(dwolla.requests.last?.body)
        #expect(try sameJSON(body, #"{"action":"customer.transfers.send","_links":{"customer":{"href":"https://api-sandbox.dwolla.com/customers/\#(ServeProcess.customer)"},"destination":{"href":"\#(Self.destination)"}},"amount":{"currency":"USD","value":"10.00"}}"#))
    }

    @Test(arguments: Route.allCases)
    func withNoPayinPendingNoTransferTokenIsMinted(route kind: Route) async throws {
        let serve = try launch(kind)
        defer { serve.stop(); dwolla.stop() }
        let answer = try await post(route(serve), body: tokenRequest(Self.payinAction))
        #expect(answer.status == 403)
        #expect(answer.json["title"] as? String == "No pay-in pending")
        #expect(dwolla.requests.isEmpty)
    }

    static let payinAction = "customer.transfers.send"
    static let destination = "https://api-sandbox.dwolla.com/funding-sources/aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"
    static let payinSession = #"{"signedIn":true,"customerId":"\#(ServeProcess.customer)","payin":{"destination":"\#(destination)","amount":"10.00"}}"#

    @Test(arguments: Route.allCases)
    func noSecretOrTokenReachesTheLog(route kind: Route) async throws {
        dwolla.set(.unauthorizedOnce)
        let serve = try launch(kind)
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

    @Test func withoutDropinServeBesideItServeSaysWhatToInstall() throws {
        defer { dwolla.stop() }
        let alone = scratch.url.appendingPathComponent("bin/dropin")
        try FileManager.default.createDirectory(at: alone.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: dropinBinary, to: alone)
        let outcome = try run(alone, ["serve", "--fake-dwolla"], in: scratch.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("dropin serve runs dropin-serve, which is not beside dropin"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("site").path))
    }

    @Test func aLinkToDropinFindsDropinServeBesideTheRealFile() throws {
        defer { dwolla.stop() }
        let link = scratch.url.appendingPathComponent("bin/dropin")
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: dropinBinary)
        // Only dropin-serve says this: the hand-over happened.
        let outcome = try run(link, ["serve"], in: scratch.url, environment: ["DWOLLA_KEY": nil, "DWOLLA_SECRET": nil])
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("dropin serve needs DWOLLA_KEY and DWOLLA_SECRET"), "\(outcome.stderr)")
    }

    @Test func withoutACustomerServeSaysHowToSetOne() async throws {
        defer { dwolla.stop() }
        let serve = try ServeProcess(in: scratch.url, arguments: ["--fake-dwolla"], credentials: false)
        try #require(serve.port != 0, "\(serve.log)")
        let answer = try await post("\(serve.url)/api/dwolla/client-token", body: tokenRequest("customer.fundingsources.read", customer: nil))
        #expect(answer.status == 403)
        #expect(serve.stop() == 0)
        #expect(serve.log.contains("No customer is set"), "\(serve.log)")
        #expect(serve.log.contains("Pass --customer-id ID"))
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

/// Two JSON texts with the same value, whatever their key order and escaping.
func sameJSON(_ a: String, _ b: String) throws -> Bool {
    let left = try JSONSerialization.jsonObject(with: Data(a.utf8)) as? NSDictionary
    let right = try JSONSerialization.jsonObject(with: Data(b.utf8)) as? NSDictionary
    return left != nil && left == right
}
