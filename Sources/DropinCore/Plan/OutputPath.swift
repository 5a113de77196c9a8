/// Paths inside the output folder, always with `/`, and the relative links between them.
enum OutputPath {
    /// The link from a file at `from` to the file at `to`, both relative to the output folder:
    /// `relative(from: "a/b.html", to: "dropin/configure.js")` is `../dropin/configure.js`.
    static func relative(from: String, to: String) -> String {
        let fromFolders = from.split(separator: "/").dropLast()
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromFolders.count, common < toParts.count - 1, fromFolders[common] == toParts[common] {
            common += 1
        }
        let ups = Array(repeating: "..", count: fromFolders.count - common)
        return (ups + toParts[common...].map(String.init)).joined(separator: "/")
    }
}
