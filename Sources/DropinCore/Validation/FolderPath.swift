import Foundation

/// A folder's path as dropin compares output folders: `.`, empty segments and `folder/..` taken
/// out, and without case, since the file systems of macOS and Windows ignore it by default.
struct FolderPath: Hashable {
    let segments: [String]

    init(_ path: String) {
        var segments: [String] = []
        for segment in path.lowercased().split(separator: "/") where segment != "." {
            if segment == "..", let last = segments.last, last != ".." { segments.removeLast() } else { segments.append(String(segment)) }
        }
        self.segments = segments
    }

    /// The folder as the disk knows it: every symbolic link on the way to it followed, as far
    /// as the folders exist, so that two names of one folder compare equal.
    init(resolving url: URL) {
        var existing = url.standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: existing.path), existing.path != "/" {
            missing.insert(existing.lastPathComponent, at: 0)
            existing.deleteLastPathComponent()
        }
        let real = realpath(existing.path, nil).map { pointer in
            defer { free(pointer) }
            return String(cString: pointer)
        } ?? existing.path
        self.init(([real] + missing).joined(separator: "/"))
    }

    /// Whether this is `outer` or a folder inside it.
    func isInside(_ outer: FolderPath) -> Bool {
        segments.count >= outer.segments.count && Array(segments.prefix(outer.segments.count)) == outer.segments
    }

    func overlaps(_ other: FolderPath) -> Bool {
        isInside(other) || other.isInside(self)
    }

    func appending(_ name: String) -> FolderPath {
        FolderPath((segments + [name]).joined(separator: "/"))
    }
}
