import Foundation

/// The write stage: applies planned changes, each file atomically (a temporary file renamed in
/// its folder), so a reader or a crash sees the old text or the new, never half of either.
public struct OutputWriter: Sendable {
    public let folder: OutputFolder

    public init(folder: OutputFolder) {
        self.folder = folder
    }

    public struct Failure: Error, Sendable {
        public let diagnostic: Diagnostic
    }

    /// Writes new and changed files, then removes stale ones, then the ownership record, so
    /// an interrupted build leaves a record that still covers every file dropin wrote.
    public func apply(_ changes: OutputChanges, files: [RenderedFile]) throws(Failure) {
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        let writes = changes.writes.filter { $0 != BuildPlan.recordPath }
        for path in writes { try write(byPath[path]!.text, to: path) }
        for path in changes.removed { try remove(path) }
        if changes.writes.contains(BuildPlan.recordPath) {
            try write(byPath[BuildPlan.recordPath]!.text, to: BuildPlan.recordPath)
        }
    }

    private func write(_ text: String, to path: String) throws(Failure) {
        let target = folder.url.appendingPathComponent(path)
        let directory = target.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(target.lastPathComponent).dropin-\(getpid()).tmp")
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: temporary)
            if rename(temporary.path, target.path) != 0 {
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw Failure(diagnostic: .error("write-failed",
                "\(folder.display(path)) could not be written (\(Self.reason(error))): check the folder's permissions and free space",
                at: folder.location(path)))
        }
    }

    private func remove(_ path: String) throws(Failure) {
        let target = folder.url.appendingPathComponent(path)
        do {
            try FileManager.default.removeItem(at: target)
        } catch {
            throw Failure(diagnostic: .error("remove-failed",
                "\(folder.display(path)) could not be removed (\(Self.reason(error)))", at: folder.location(path)))
        }
        removeEmptyFolders(above: target.deletingLastPathComponent())
    }

    /// Folders a removal left empty go too, up to the output folder itself.
    private func removeEmptyFolders(above start: URL) {
        var directory = start.standardizedFileURL
        let root = folder.url.standardizedFileURL.path
        while directory.path.hasPrefix(root + "/"),
              let contents = try? FileManager.default.contentsOfDirectory(atPath: directory.path), contents.isEmpty {
            try? FileManager.default.removeItem(at: directory)
            directory = directory.deletingLastPathComponent()
        }
    }

    private static func reason(_ error: Error) -> String {
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return String(cString: strerror(Int32(underlying.code)))
        }
        return nsError.localizedDescription
    }
}
