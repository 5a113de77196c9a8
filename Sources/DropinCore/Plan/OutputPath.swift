/// Paths inside the output folder, always with `/`, and the relative links between them.
enum OutputPath {
    /// The link from a file at `from` to the file at `to`, both relative to the output folder:
    /// `relative(from: "a/b.html", to: "dropin/configure.js")` is `../dropin/configure.js`.
    /// Worked out on UTF-8 bytes: every page links four files, and splitting paths into
    /// Strings for each showed in the time of planning many pages.
    static func relative(from: String, to: String) -> String {
        let slash = UInt8(ascii: "/")
        let fromBytes = Array(from.utf8), toBytes = Array(to.utf8)
        // The folders both share end at the last `/` of their common beginning.
        var shared = 0, index = 0
        while index < fromBytes.count, index < toBytes.count, fromBytes[index] == toBytes[index] {
            if fromBytes[index] == slash { shared = index + 1 }
            index += 1
        }
        let ups = fromBytes[shared...].count { $0 == slash }
        return String(repeating: "../", count: ups) + String(decoding: toBytes[shared...], as: UTF8.self)
    }

    /// The folder a file is in, `""` for the output folder itself: `folder(of: "a/b/c.html")`
    /// is `a/b`.
    static func folder(of path: String) -> Substring {
        // On bytes: finding a Character would break the whole path into graphemes.
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
    }

    /// The folders the files are in, each once. Files of one folder mostly come one after
    /// another, and are then counted without hashing each path.
    static func folders(of paths: [String]) -> Set<Substring> {
        var folders = Set<Substring>()
        var previous: Substring?
        for path in paths {
            let folder = folder(of: path)
            if folder != previous {
                folders.insert(folder)
                previous = folder
            }
        }
        return folders
    }

    /// The file's name in its folder.
    static func name(of path: String) -> Substring {
        path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[path.index(after: $0)...] } ?? path[...]
    }
}
