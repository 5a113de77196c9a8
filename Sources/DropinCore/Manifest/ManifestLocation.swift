import Foundation

/// Paths the manifest names, resolved against the manifest's folder, for the disk and for
/// messages.
struct ManifestLocation {
    let folder: URL
    let displayFolder: String

    init(manifestPath: String) {
        let url = URL(fileURLWithPath: manifestPath)
        folder = url.deletingLastPathComponent()
        let parts = manifestPath.split(separator: "/", omittingEmptySubsequences: false).dropLast()
        displayFolder = parts.joined(separator: "/")
    }

    func url(_ relative: String) -> URL {
        folder.appendingPathComponent(relative).standardizedFileURL
    }

    func display(_ relative: String) -> String {
        displayFolder.isEmpty ? relative : displayFolder + "/" + relative
    }

    func outputFolder(_ relative: String) -> OutputFolder {
        OutputFolder(url: url(relative), display: display(relative))
    }

    func outputFolders(public: String, private: String) -> OutputFolders {
        OutputFolders(public: outputFolder(`public`), private: outputFolder(`private`))
    }
}
