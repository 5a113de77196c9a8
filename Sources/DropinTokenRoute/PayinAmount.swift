// Amounts in US dollars as Dwolla writes them ("25.00"), compared by value.

enum PayinAmount {
    /// The amount in cents: digits, optionally a point and one or two digits, as the manifest
    /// writes amounts; nil for anything else.
    static func cents(_ text: String) -> Int? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
              parts.count == 1 || parts[1].utf8.count <= 2, parts[0].utf8.count <= 12,
              let dollars = Int(parts[0]), let cents = parts.count == 2 ? Int(parts[1].padding(toLength: 2, withPad: "0", startingAt: 0)) : 0
        else { return nil }
        return dollars * 100 + cents
    }

    /// Dwolla's form of an amount in cents: `{"currency": "USD", "value": "25.00"}`'s value.
    static func value(cents: Int) -> String {
        let remainder = cents % 100
        return "\(cents / 100).\(remainder < 10 ? "0" : "")\(remainder)"
    }
}
