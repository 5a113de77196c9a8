/// The manifest's file name as generated files show it.
enum ManifestName {
    /// Reduced to characters safe in every comment syntax, so headers are the same on every
    /// machine and cannot end a comment early.
    static func shown(_ path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        let safe = String(name.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "._".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        })
        return safe.isEmpty ? "dropin.yml" : safe
    }
}
