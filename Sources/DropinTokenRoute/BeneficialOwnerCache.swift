// Each customer's beneficial owners, as Dwolla lists them, kept a short while: a business
// onboarding page asks for several tokens at once for the same owner.

import Foundation

actor BeneficialOwnerCache {
    private let source: any ClientTokenSource
    private let lifetime: TimeInterval
    private var lists: [String: (ids: [String], until: Date)] = [:]

    init(source: any ClientTokenSource, lifetime: TimeInterval) {
        self.source = source
        self.lifetime = lifetime
    }

    func ids(of customerId: String) async throws -> [String] {
        let now = Date()
        if let kept = lists[customerId], kept.until > now { return kept.ids }
        let ids = try await source.beneficialOwners(customerId: customerId)
        lists = lists.filter { $0.value.until > now }
        lists[customerId] = (ids, now.addingTimeInterval(lifetime))
        return ids
    }
}
