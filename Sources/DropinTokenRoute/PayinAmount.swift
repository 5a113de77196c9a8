// Amounts in US dollars as the manifest and dwolla-payin write them ("25", "25.5", "25.00"),
// compared as Dwolla's two-decimal text, so that no float ever rounds a cent.

enum PayinAmount {
    /// Dwolla's value for the amount (`25.00`): digits, optionally a point and one or two
    /// digits, leading zeros dropped; nil for anything else.
    static func dollars(_ text: String) -> String? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy { (48...57).contains($0) } }),
              parts.count == 1 || parts[1].utf8.count <= 2
        else { return nil }
        let whole = parts[0].drop { $0 == "0" }
        let cents = parts.count == 2 ? String(parts[1]) : ""
        return (whole.isEmpty ? "0" : String(whole)) + "." + cents.padding(toLength: 2, withPad: "0", startingAt: 0)
    }
}
