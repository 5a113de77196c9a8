// Client tokens from Dwolla's API: an application token from POST /token (client credentials),
// cached and refreshed a minute before it expires, shared by concurrent requests, and renewed
// once when Dwolla answers 401; then POST /client-tokens, or GET a customer's beneficial owners.

import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

public actor DwollaAPI: ClientTokenSource {
    public struct Credentials: Sendable {
        public let key: String
        public let secret: String

        public init(key: String, secret: String) {
            self.key = key
            self.secret = secret
        }

        /// DWOLLA_KEY and DWOLLA_SECRET, when both are set and not empty.
        public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Credentials? {
            guard let key = environment["DWOLLA_KEY"], !key.isEmpty,
                  let secret = environment["DWOLLA_SECRET"], !secret.isEmpty else { return nil }
            return Credentials(key: key, secret: secret)
        }
    }

    private let api: URL
    private let credentials: Credentials
    private let client: HTTPClient
    private let timeout: TimeInterval
    private var cached: (token: String, renewAt: Date)?
    private var renewal: Task<(token: String, renewAt: Date), any Error>?

    public init(api: URL, credentials: Credentials, timeout: TimeInterval = 10, client: HTTPClient = .shared) {
        self.api = api
        self.credentials = credentials
        self.timeout = timeout
        self.client = client
    }

    public func clientToken(body: Data) async throws -> ClientToken {
        try await withApplicationToken { try await self.requestClientToken(body: body, applicationToken: $0) }
    }

    public func beneficialOwners(customerId: String) async throws -> [String] {
        try await withApplicationToken { try await self.requestBeneficialOwners(customerId: customerId, applicationToken: $0) }
    }

    private func withApplicationToken<T: Sendable>(_ call: @Sendable (String) async throws -> T) async throws -> T {
        let token = try await applicationToken()
        do {
            return try await call(token)
        } catch is Unauthorized {
            // The token may have been revoked early: renew once, then try once more.
            if cached?.token == token { cached = nil }
            return try await call(try await applicationToken())
        }
    }

    private struct Unauthorized: Error {}

    private func applicationToken() async throws -> String {
        if let cached, cached.renewAt > Date() { return cached.token }
        if let renewal { return try await renewal.value.token }
        let task = Task { try await self.fetchApplicationToken() }
        renewal = task
        defer { renewal = nil }
        let fresh = try await task.value
        cached = fresh
        return fresh.token
    }

    private func fetchApplicationToken() async throws -> (token: String, renewAt: Date) {
        let basic = Data("\(credentials.key):\(credentials.secret)".utf8).base64EncodedString()
        let (data, status) = try await send(.POST, "token", body: Data("grant_type=client_credentials".utf8), headers: [
            ("Authorization", "Basic \(basic)"), ("Content-Type", "application/x-www-form-urlencoded"),
        ])
        guard status == 200,
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let token = object["access_token"] as? String, !token.isEmpty,
              let expiresIn = (object["expires_in"] as? NSNumber)?.doubleValue
        else { throw ClientTokenFailure(description: "POST /token answered \(status) without a usable token") }
        return (token, Date().addingTimeInterval(max(0, expiresIn - 60)))
    }

    private func requestClientToken(body: Data, applicationToken: String) async throws -> ClientToken {
        let (data, status) = try await send(.POST, "client-tokens", body: body, headers: [
            ("Authorization", "Bearer \(applicationToken)"), ("Accept", "application/vnd.dwolla.v1.hal+json"),
            ("Content-Type", "application/json"),
        ])
        if status == 401 { throw Unauthorized() }
        guard status == 200,
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let token = object["token"] as? String, !token.isEmpty
        else { throw ClientTokenFailure(description: "POST /client-tokens answered \(status) without a token") }
        return ClientToken(token: token, blob: object["blob"] as? String)
    }

    private func requestBeneficialOwners(customerId: String, applicationToken: String) async throws -> [String] {
        let path = "customers/\(customerId)/beneficial-owners"
        let (data, status) = try await send(.GET, path, body: nil, headers: [
            ("Authorization", "Bearer \(applicationToken)"), ("Accept", "application/vnd.dwolla.v1.hal+json"),
        ])
        if status == 401 { throw Unauthorized() }
        guard status == 200,
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
              let embedded = object["_embedded"] as? [String: Any],
              let owners = embedded["beneficial-owners"] as? [[String: Any]]
        else { throw ClientTokenFailure(description: "GET /customers/…/beneficial-owners answered \(status) without a list") }
        return owners.compactMap { ($0["id"] as? String)?.lowercased() }
    }

    /// Sends with a deadline for the whole exchange, answer body included.
    private func send(_ method: HTTPMethod, _ path: String, body: Data?, headers: [(String, String)]) async throws -> (Data, Int) {
        var request = HTTPClientRequest(url: api.appendingPathComponent(path).absoluteString)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let body { request.body = .bytes(ByteBuffer(bytes: body)) }
        let prepared = request, client = self.client, timeout = self.timeout
        return try await withThrowingTaskGroup(of: (Data, Int).self) { group in
            group.addTask {
                do {
                    let response = try await client.execute(prepared, timeout: .milliseconds(Int64(timeout * 1000)))
                    let bytes = try await response.body.collect(upTo: 1 << 20)
                    return (Data(buffer: bytes), Int(response.status.code))
                } catch {
                    // The error names the failure, never a header.
                    throw ClientTokenFailure(description: "\(method) /\(path): \(error)")
                }
            }
            group.addTask {
                try await Task.sleep(nanoseconds: UInt64(timeout * 1_000_000_000))
                throw ClientTokenFailure(description: "\(method) /\(path): no answer within \(timeout) s")
            }
            defer { group.cancelAll() }
            return try await group.next()!
        }
    }
}
