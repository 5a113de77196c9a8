import Foundation

/// Writes a file so that a reader, or a process killed midway, sees the old text or the new,
/// never half of either. There is no fsync: the output is rebuilt from the manifest at will, and
/// syncing each of thousands of files cost most of a cold build.
enum WholeFile {
    /// `path` is absent (`isNew`) or replaced. A new file is written unnamed and named once
    /// complete where the system allows; otherwise, as any replacement, through a temporary
    /// file renamed over the target.
    static func write(_ text: String, to path: String, isNew: Bool) throws {
        if isNew, try createUnnamedThenLink(text, at: path) { return }
        try writeThenRename(text, to: path)
    }

    /// One fixed temporary name per file: the output lock keeps builds apart, and a build
    /// killed midway leaves at most one stray per file, which the next build overwrites.
    private static func writeThenRename(_ text: String, to path: String) throws {
        let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
        let temporary = String(path[..<slash]) + "." + path[slash...] + ".dropin.tmp"
        do {
            let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError.current }
            defer { close(descriptor) }
            try writeAll(text, to: descriptor)
            guard rename(temporary, path) == 0 else { throw POSIXError.current }
        } catch {
            unlink(temporary)
            throw error
        }
    }

    /// Linux: an unnamed file (O_TMPFILE) linked to its name when complete. One directory
    /// operation instead of a create and a rename, each of which searches the folder: on ext4
    /// without directory indexes that search is linear, and renaming was a third of a cold
    /// build of 10,000 pages. False when the system or file system cannot do it, or the name
    /// was taken meanwhile.
    private static func createUnnamedThenLink(_ text: String, at path: String) throws -> Bool {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        // Glibc's O_TMPFILE is a macro Swift does not import; this is its value on these
        // architectures (asm-generic/fcntl.h), O_DIRECTORY included.
        let unnamed: Int32 = 0o20_000_000 | O_DIRECTORY
        let folder = path.lastIndex(of: "/").map { String(path[..<$0]) } ?? "."
        let descriptor = open(folder, unnamed | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        try writeAll(text, to: descriptor)
        // linkat on the descriptor itself needs a privilege; through /proc it does not.
        return linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0
        #else
        return false
        #endif
    }

    private static func writeAll(_ text: String, to descriptor: Int32) throws {
        var text = text
        try text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    throw POSIXError.current
                }
                offset += written
            }
        }
    }
}

private extension POSIXError {
    static var current: POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
