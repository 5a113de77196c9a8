import Foundation
import Hummingbird
import Logging
import NIOCore

/// Dwolla's token endpoints on loopback, for tests: records every request and answers as the
/// test sets it to.
final class FakeDwolla: @unchecked Sendable {
    struct Recorded: Sendable {
        let path: String
        let headers: [String: String]
        let body: String
    }

    enum Behavior: Sendable {
        case normal
        /// Application tokens issued for 60 s: as routes renew a minute early, each is due at once.
        case shortLived
        /// The first client-token request answers 401, as for a revoked application token.
        case unauthorizedOnce
        case failing
        case garbage
        case slow(seconds: Double)
    }

    private let lock = NSLock()
    private var recorded: [Recorded] = []
    private var behavior: Behavior = .normal
    private var unauthorizedSent = false
    private var task: Task<Void, any Error>?
    private(set) var port = 0

    static let applicationTokenPrefix = "app-token-"
    static let clientTokenPrefix = "client-token-"

    var requests: [Recorded] { lock.withLock { recorded } }

    /// Each customer's beneficial owners, by customer id.
    private var owners: [String: [String]] = [:]

    func setBeneficialOwners(_ ids: [String], of customer: String) {
        lock.withLock { owners[customer] = ids }
    }

    private func beneficialOwners(of customer: String, _ request: Request) async throws -> Response {
        let ids = lock.withLock { () -> [String] in
            recorded.append(Recorded(path: "/customers/\(customer)/beneficial-owners", headers: [:], body: ""))
            return owners[customer] ?? []
        }
        let items = ids.map { #"{"id":"\#($0)","_links":{"self":{"href":"https://api-sandbox.dwolla.com/beneficial-owners/\#($0)"}}}"# }
        return json(200, #"{"_embedded":{"beneficial-owners":[\#(items.joined(separator: ","))]}}"#)
    }

    func paths() -> [String] { requests.map(\.path) }

    func set(_ behavior: Behavior) {
        lock.withLock { self.behavior = behavior }
    }

    var url: String { "http://127.0.0.1:\(port)" }

    func start() async throws {
        let router = Router()
        router.post("token") { request, _ in try await self.answer("/token", request) }
        router.post("client-tokens") { request, _ in try await self.answer("/client-tokens", request) }
        router.get("customers/:id/beneficial-owners") { request, context in
            try await self.beneficialOwners(of: context.parameters.get("id") ?? "", request)
        }
        let (stream, continuation) = AsyncStream.makeStream(of: Int.self)
        var quiet = Logger(label: "fake-dwolla")
        quiet.logLevel = .critical
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) },
                              logger: quiet)
        // On threads of its own: the tests that run beside it may hold every thread Swift's
        // concurrency shares (a synchronous test body blocks one until it ends), and serve
        // gives up on Dwolla after its deadline.
        task = Task(executorPreference: Self.threads) { try await app.run() }
        for await port in stream {
            self.port = port
            break
        }
    }

    func stop() {
        task?.cancel()
    }

    private static let threads = QueueExecutor(label: "fake-dwolla")

    private func answer(_ path: String, _ request: Request) async throws -> Response {
        var request = request
        let body = String(buffer: try await request.collectBody(upTo: 1 << 20))
        var headers: [String: String] = [:]
        for field in request.headers { headers[field.name.canonicalName] = field.value }
        let (behavior, count) = lock.withLock { () -> (Behavior, Int) in
            recorded.append(Recorded(path: path, headers: headers, body: body))
            return (self.behavior, recorded.count)
        }
        switch behavior {
        case .failing:
            return json(500, #"{"code":"ServerError","message":"A server error occurred. Error ID: secret-internal-id"}"#)
        case .garbage:
            return Response(status: .ok, headers: [.contentType: "text/html"], body: .init(byteBuffer: ByteBuffer(string: "<html>oops")))
        case .slow(let seconds):
            try await Task.sleep(for: .milliseconds(Int(seconds * 1000)))
        case .unauthorizedOnce where path == "/client-tokens":
            let first = lock.withLock { () -> Bool in defer { unauthorizedSent = true }; return !unauthorizedSent }
            if first { return json(401, #"{"code":"ExpiredAccessToken","message":"Expired access token."}"#) }
        default:
            break
        }
        if path == "/token" {
            let expiresIn = if case .shortLived = behavior { 60 } else { 3600 }
            return json(200, #"{"access_token":"\#(Self.applicationTokenPrefix)\#(count)","token_type":"bearer","expires_in":\#(expiresIn)}"#)
        }
        if body.contains("customer.transfers.send") {
            return json(200, #"{"token":"\#(Self.clientTokenPrefix)\#(count)","blob":"blob-\#(count)"}"#)
        }
        return json(200, #"{"token":"\#(Self.clientTokenPrefix)\#(count)"}"#)
    }

    private func json(_ status: Int, _ text: String) -> Response {
        Response(status: .init(code: status), headers: [.contentType: "application/vnd.dwolla.v1.hal+json"],
                 body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}

/// Runs the tasks that prefer it, and the child tasks they start, on a Dispatch queue of its own
/// instead of the threads Swift's concurrency shares.
final class QueueExecutor: TaskExecutor, @unchecked Sendable {
    private let queue: DispatchQueue

    init(label: String) {
        queue = DispatchQueue(label: label, attributes: .concurrent)
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
