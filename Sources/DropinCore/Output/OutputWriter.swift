import Foundation

/// The write stage: applies planned changes, each file atomically (a temporary file renamed in
/// its folder), so a reader or a crash sees the old text or the new, never half of either.
public struct OutputWriter: Sendable {
    public let folders: OutputFolders

    public init(folders: OutputFolders) {
        self.folders = folders
    }

    public struct Failure: Error, Sendable {
        public let diagnostic: Diagnostic
    }

    /// Writes new and changed files, then removes stale ones, in each folder, then the ownership
    /// record, so an interrupted build leaves a record that still covers every file dropin wrote.
    public func apply(_ changes: PerRoot<OutputChanges>, files: [RenderedFile]) throws(OutputWriter.Failure) {
        for (root, rootChanges) in changes.all {
            try FolderWriter(folder: folders[root]).apply(rootChanges, files: files.filter { $0.root == root && !$0.isRecord })
        }
        if changes.private.writes.contains(BuildPlan.recordPath), let record = files.first(where: \.isRecord) {
            let writer = FolderWriter(folder: folders.private)
            try writer.write(record.text, to: record.path, in: try writer.makeFolders(for: [record.path]),
                             isNew: changes.private.created.contains(record.path))
        }
    }
}

/// Writes into one folder.
private struct FolderWriter: Sendable {
    let folder: OutputFolder

    /// Writes the files the changes name, then removes the ones they remove.
    func apply(_ changes: OutputChanges, files: [RenderedFile]) throws(OutputWriter.Failure) {
        let byPath = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0) })
        let writes = changes.writes.compactMap { byPath[$0] }
        let folders = try makeFolders(for: writes.map(\.path))
        // Files are independent: write them on every core; report the first failure by path.
        let created = Set(changes.created)
        let failures = parallelMap(writes) { file -> OutputWriter.Failure? in
            do throws(OutputWriter.Failure) {
                try self.write(file.text, to: file.path, in: folders, isNew: created.contains(file.path))
            } catch {
                return error
            }
            return nil
        }
        if let failure = failures.compactMap({ $0 }).first { throw failure }
        for path in changes.removed { try remove(path) }
    }

    /// Every folder the files go in, made once each before any file is written, and held open
    /// while they are.
    func makeFolders(for paths: [String]) throws(OutputWriter.Failure) -> [Substring: OpenFolder] {
        var open: [Substring: OpenFolder] = [:]
        for relative in OutputPath.folders(of: paths).sorted() {
            do {
                if !relative.isEmpty {
                    try FileManager.default.createDirectory(atPath: folder.path(String(relative)), withIntermediateDirectories: true)
                }
                open[relative] = try OpenFolder(relative.isEmpty ? folder.url.path : folder.path(String(relative)))
            } catch {
                throw OutputWriter.Failure(diagnostic: .error("write-failed", folderProblem(String(relative), error),
                                                 at: folder.location(String(relative))))
            }
        }
        return open
    }

    /// Why a folder could not be made: a file in the way, or the file system's own reason.
    private func folderProblem(_ relative: String, _ error: Error) -> String {
        let parts = relative.split(separator: "/")
        for count in 1...parts.count {
            let prefix = parts.prefix(count).joined(separator: "/")
            if case .file = folder.entry(at: prefix) {
                return "\(folder.display(prefix)) is a file where dropin needs a folder: move it away"
            }
        }
        return "\(folder.display(relative)) could not be made (\(Self.reason(error))): check the folder's permissions and free space"
    }

    func write(_ text: String, to path: String, in folders: [Substring: OpenFolder], isNew: Bool) throws(OutputWriter.Failure) {
        do {
            try AtomicFile.write(text, named: String(OutputPath.name(of: path)), in: folders[OutputPath.folder(of: path)]!, isNew: isNew)
        } catch {
            throw OutputWriter.Failure(diagnostic: .error("write-failed",
                "\(folder.display(path)) could not be written (\(Self.reason(error))): check the folder's permissions and free space",
                at: folder.location(path)))
        }
    }

    private func remove(_ path: String) throws(OutputWriter.Failure) {
        let target = folder.url.appendingPathComponent(path)
        do {
            try FileManager.default.removeItem(at: target)
        } catch {
            throw OutputWriter.Failure(diagnostic: .error("remove-failed",
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
