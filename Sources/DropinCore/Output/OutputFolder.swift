import Foundation

/// One output folder on disk, read-only: what is at each path.
public struct OutputFolder: Sendable {
    public let url: URL
    /// How messages name the folder (`site`, `app/site`).
    public let display: String
    private let root: String

    public init(url: URL, display: String) {
        self.url = url
        self.display = display
        root = url.path.hasSuffix("/") ? url.path : url.path + "/"
    }

    /// The file system path of `relative`. Joined as text: URL's appendingPathComponent asks
    /// the disk whether each path is a folder.
    public func path(_ relative: String) -> String {
        root + relative
    }

    public enum Entry: Equatable {
        case absent
        case file(Data)
        case folder
        /// A link, a device or anything else dropin will not touch.
        case other
    }

    public func entry(at path: String) -> Entry {
        let target = self.path(path)
        // lstat rather than FileManager's attributes, which look up the owner's and group's
        // names too, for every file.
        var info = stat()
        guard lstat(target, &info) == 0 else { return .absent }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .folder
        case S_IFREG: return (try? Data(contentsOf: URL(fileURLWithPath: target, isDirectory: false))).map(Entry.file) ?? .other
        default: return .other
        }
    }

    public func display(_ path: String) -> String {
        display + "/" + path
    }

    /// Symbolic links on the way to the files: the output folder itself or a folder inside it.
    /// Following one would write outside the output, so each is an error naming it.
    func links(on paths: [String]) -> [Diagnostic] {
        func isLink(_ url: URL) -> Bool {
            (try? FileManager.default.attributesOfItem(atPath: url.path)[.type] as? FileAttributeType) == .typeSymbolicLink
        }
        if isLink(url) {
            return [.error("linked-output",
                "\(display) is a symbolic link; dropin writes only into a real folder, so that nothing lands outside it: replace the link with a folder")]
        }
        var folders = Set<String>()
        // Each folder once, however many files it holds.
        for parent in OutputPath.folders(of: paths) where !parent.isEmpty {
            let parts = parent.split(separator: "/")
            for count in 1...parts.count {
                folders.insert(parts.prefix(count).joined(separator: "/"))
            }
        }
        return folders.sorted().filter { isLink(url.appendingPathComponent($0)) }.map { folder in
            .error("linked-folder",
                   "\(self.display(folder)) is a symbolic link; dropin writes only into real folders inside \(display), so that nothing lands outside it: replace the link with a folder",
                   at: location(folder))
        }
    }

    func location(_ path: String, line: Int = 1) -> SourceLocation {
        SourceLocation(file: display(path), line: line, column: 1)
    }
}
