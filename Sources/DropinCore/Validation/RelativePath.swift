/// Checks for paths the manifest names inside a folder (pages, the stylesheet): they must stay
/// inside it and mean the same file on every machine.
enum RelativePath {
    enum Problem: Equatable {
        case empty
        case absolute
        case leavesFolder
        case dotSegment
        case emptySegment
        case backslash
        case controlCharacter
    }

    static func problem(in path: String) -> Problem? {
        if path.isEmpty { return .empty }
        if path.unicodeScalars.contains(where: isControl) { return .controlCharacter }
        if path.utf8.contains(UInt8(ascii: "\\")) { return .backslash }
        if path.hasPrefix("/") || path.hasPrefix("~") || isDriveLetter(path) { return .absolute }
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains("..") { return .leavesFolder }
        if segments.contains(".") { return .dotSegment }
        if segments.contains("") { return .emptySegment }
        return nil
    }

    static func explain(_ problem: Problem, key: String, folder: String) -> String {
        switch problem {
        case .empty: "'\(key)' is empty: give a path inside \(folder)"
        case .absolute: "'\(key)' must be relative to \(folder), not absolute: drop the leading '/' (or '~', or drive)"
        case .leavesFolder: "'\(key)' must stay inside \(folder): remove the '..' segments"
        case .dotSegment: "'\(key)' has a '.' segment: write the path without it"
        case .emptySegment: "'\(key)' has an empty segment ('//' or a trailing '/'): write each folder once"
        case .backslash: "'\(key)' uses '\\': separate folders with '/', which works on every machine"
        case .controlCharacter: "'\(key)' contains a control character: remove it"
        }
    }

    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    private static func isDriveLetter(_ path: String) -> Bool {
        let scalars = Array(path.unicodeScalars.prefix(2))
        return scalars.count == 2 && scalars[1] == ":" && scalars[0].properties.isAlphabetic
    }
}
