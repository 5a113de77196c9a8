#if os(Linux)
import CFileFlags
#endif
import Foundation

/// Writes a file so that a reader, or a process killed midway, sees the old text or the new,
/// never half of either. There is no fsync: the output is rebuilt from the manifest at will, and
/// syncing each of thousands of files cost most of a cold build.
enum AtomicFile {
    /// `name` in `folder` is absent (`isNew`) or replaced. A new file is written unnamed and
    /// named once complete where the system allows; otherwise, as any replacement, through a
    /// temporary file renamed over the target.
    static func write(_ text: String, named name: String, in folder: OpenFolder, isNew: Bool) throws {
        if isNew, try createUnnamedThenLink(text, named: name, in: folder) { return }
        try writeThenRename(text, named: name, in: folder)
    }

    /// One fixed temporary name per file: the output lock keeps builds apart, and a build
    /// killed midway leaves at most one stray per file, which the next build overwrites.
    private static func writeThenRename(_ text: String, named name: String, in folder: OpenFolder) throws {
        let temporary = "." + name + ".dropin.tmp"
        do {
            let descriptor = openat(folder.descriptor, temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw POSIXError.current }
            defer { close(descriptor) }
            try writeAll(text, to: descriptor)
            guard renameat(folder.descriptor, temporary, folder.descriptor, name) == 0 else { throw POSIXError.current }
        } catch {
            unlinkat(folder.descriptor, temporary, 0)
            throw error
        }
    }

    /// Linux: an unnamed file (O_TMPFILE) linked to its name when complete. One directory
    /// operation instead of a create and a rename, each of which searches the folder: on ext4
    /// without directory indexes that search is linear in the folder's size. False when the
    /// system or file system cannot do it, or the name was taken meanwhile.
    static func createUnnamedThenLink(_ text: String, named name: String, in folder: OpenFolder) throws -> Bool {
        #if os(Linux)
        let descriptor = openat(folder.descriptor, ".", dropin_open_unnamed() | O_WRONLY | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        try writeAll(text, to: descriptor)
        if linkat(descriptor, "", folder.descriptor, name, dropin_link_empty_path()) == 0 { return true }
        // Before Linux 6.10, naming a descriptor itself needs a privilege; through /proc it
        // does not, but looking that path up cost as much as the rest of the link.
        guard errno == ENOENT || errno == EPERM else { return false }
        return linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", folder.descriptor, name, AT_SYMLINK_FOLLOW) == 0
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

/// A folder held open while files are written into it, so that each file is created and named
/// relative to it rather than through its whole path.
final class OpenFolder: Sendable {
    let descriptor: Int32

    init(_ path: String) throws {
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw POSIXError.current }
    }

    deinit {
        close(descriptor)
    }
}
