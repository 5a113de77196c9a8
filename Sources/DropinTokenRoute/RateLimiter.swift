// Token requests per session, counted in fixed windows: a page asks once per action, so a
// session asking far more is a script, and each request it makes may cost a call to Dwolla.

import Foundation

/// How many token requests one session may make, and over how long.
public struct TokenRouteRateLimit: Sendable, Equatable {
    public let requests: Int
    public let perSeconds: Double

    public init(requests: Int, perSeconds: Double) {
        self.requests = requests
        self.perSeconds = perSeconds
    }

    /// Enough for every component of a page to fetch its tokens several times a minute.
    public static let standard = TokenRouteRateLimit(requests: 60, perSeconds: 60)
}

final class RateLimiter: @unchecked Sendable {
    private let limit: TokenRouteRateLimit
    private let lock = NSLock()
    private var windows: [String: (start: Date, count: Int)] = [:]
    /// Expired windows are dropped when there are more than this many, so memory stays bounded
    /// however many sessions come and go.
    private let sweepAbove = 10_000

    init(_ limit: TokenRouteRateLimit) {
        self.limit = limit
    }

    /// nil when the request may go on; else the whole seconds until the session may ask again.
    func admit(_ key: String, now: Date = Date()) -> Int? {
        lock.withLock {
            if windows.count > sweepAbove {
                windows = windows.filter { now.timeIntervalSince($0.value.start) < limit.perSeconds }
            }
            var window = windows[key] ?? (now, 0)
            if now.timeIntervalSince(window.start) >= limit.perSeconds { window = (now, 0) }
            window.count += 1
            windows[key] = window
            guard window.count > limit.requests else { return nil }
            return max(1, Int((limit.perSeconds - now.timeIntervalSince(window.start)).rounded(.up)))
        }
    }
}
