// Who is asking, as the app's own session code knows it: the route takes the customer, the
// pending pay-in and the beneficial owners from here, never from the request body.

/// The pay-in the app's checkout decided for the signed-in customer and has not yet taken.
public struct PendingPayin: Sendable, Equatable {
    /// The funding source to pay: its href (`https://api-sandbox.dwolla.com/funding-sources/ID`)
    /// or its bare id.
    public let destination: String
    /// US dollars, such as `25.00`.
    public let amount: String

    public init(destination: String, amount: String) {
        self.destination = destination
        self.amount = amount
    }
}

/// The session of the request, as the app's session hook returns it.
public struct TokenRouteSession: Sendable, Equatable {
    public let isSignedIn: Bool
    /// The signed-in user's Dwolla customer; nil until the app has created one.
    public let customerId: String?
    public let payin: PendingPayin?
    /// The ids of the customer's beneficial owners when the app keeps them; nil to ask Dwolla.
    public let beneficialOwners: [String]?
    /// The key requests are counted under for rate limiting; nil for the customer id, else the
    /// client's address.
    public let id: String?

    public static let signedOut = TokenRouteSession(isSignedIn: false, customerId: nil, payin: nil, beneficialOwners: nil, id: nil)

    public static func signedIn(customerId: String?, payin: PendingPayin? = nil, beneficialOwners: [String]? = nil,
                                id: String? = nil) -> TokenRouteSession {
        TokenRouteSession(isSignedIn: true, customerId: customerId, payin: payin, beneficialOwners: beneficialOwners, id: id)
    }
}
