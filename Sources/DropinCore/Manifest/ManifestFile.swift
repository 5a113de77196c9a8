import Foundation

/// The manifest's bytes, before any parsing: enough for `check` and a warm `build` to ask the
/// ownership record whether the output is already what these bytes make.
public struct ManifestFile: Sendable {
    /// How messages name the file.
    public let file: String
    public let data: Data

    public init(file: String, data: Data) {
        self.file = file
        self.data = data
    }

    public func parse() throws(ManifestSource.LoadError) -> ManifestSource {
        try ManifestSource.parse(data, file: file)
    }

    /// The text's lines, for showing the line a diagnostic points at.
    public func lines() -> [Substring] {
        let bytes = data.withoutByteOrderMark
        // "\r\n" is one Character in Swift, so it is a separator of its own.
        return String(decoding: bytes, as: UTF8.self)[...].split(omittingEmptySubsequences: false) { $0 == "\n" || $0 == "\r\n" }
    }
}

extension Data {
    /// The bytes after a UTF-8 byte-order mark, which a manifest may start with.
    var withoutByteOrderMark: Data.SubSequence {
        starts(with: [0xEF, 0xBB, 0xBF]) ? dropFirst(3) : self[...]
    }
}
