import DropinCore
import Foundation

/// Reads the manifest file. Problems here are about the file, not its content: they end the
/// command with the usage status.
enum ManifestReader {
    struct Failure: Error {
        let diagnostic: Diagnostic
    }

    static func read(_ path: String) throws(Failure) -> ManifestFile {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw Failure(diagnostic: .error("no-manifest",
                "\(path): no such file; run `dropin init` to start one, or name another with --manifest"))
        }
        guard !isFolder.boolValue else {
            throw Failure(diagnostic: .error("no-manifest", "\(path) is a folder: name the manifest file itself"))
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw Failure(diagnostic: .error("unreadable-manifest",
                "\(path) could not be read: check its permissions"))
        }
        return ManifestFile(file: path, data: data)
    }
}
