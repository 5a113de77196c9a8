import Foundation
import Testing

/// A bounded load on loopback: 10,000 token requests through `dropin serve` to a fake Dwolla,
/// 32 at a time. Every one must succeed, and serve's memory must stay flat. The figures it
/// prints are the ones README.md quotes; no time is asserted, as these machines are shared.
struct LoadTests {
    @Test func tenThousandTokenRequestsWithFlatMemory() async throws {
        let example = try await ServedExample.start(dwollaTimeout: 60)
        defer { example.stop() }
        let (dwolla, serve) = (example.dwolla, example.serve)
        let url = "\(serve.url)/api/dwolla/client-token"
        let body = tokenRequest("customer.fundingsources.read")

        func batch(_ count: Int) async throws -> [Int: Int] {
            try await withThrowingTaskGroup(of: Int.self) { group in
                var statuses: [Int: Int] = [:]
                var sent = 0
                for _ in 0..<32 {
                    group.addTask { try await post(url, body: body).status }
                    sent += 1
                }
                while let status = try await group.next() {
                    statuses[status, default: 0] += 1
                    if sent < count {
                        group.addTask { try await post(url, body: body).status }
                        sent += 1
                    }
                }
                return statuses
            }
        }

        let warmup = try await batch(2_000)
        let afterWarmup = serve.residentKilobytes
        let started = Date()
        let main = try await batch(8_000)
        let seconds = Date().timeIntervalSince(started)
        let afterAll = serve.residentKilobytes

        #expect(warmup == [200: 2_000])
        #expect(main == [200: 8_000])
        #expect(dwolla.paths().filter { $0 == "/token" }.count == 1)
        #expect(afterAll - afterWarmup < 16_384, "serve grew from \(afterWarmup) KiB to \(afterAll) KiB")
        print("load: 10000 token requests, 0 errors; last 8000 in \(String(format: "%.1f", seconds)) s "
              + "(\(Int(8_000 / seconds)) requests/s, 32 at a time); serve RSS \(afterWarmup / 1024) MiB after 2000, "
              + "\(afterAll / 1024) MiB after 10000")
    }
}
