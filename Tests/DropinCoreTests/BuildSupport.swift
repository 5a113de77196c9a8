import DropinCore
import Foundation
import Testing

/// A project in a temporary folder: a manifest, maybe templates, and whatever a build writes.
final class Project {
    let root: URL

    init(manifest: String, files: [String: String] = [:]) throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("dropin-core-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try write("dropin.yml", manifest)
        for (path, text) in files { try write(path, text) }
    }

    /// A copy of a checked-in fixture (its manifest and templates, not its expected output).
    convenience init(fixture name: String) throws {
        try self.init(manifest: "")
        let source = Fixtures.folder.appendingPathComponent(name)
        for path in try Fixtures.files(in: source) where !path.hasPrefix("expected/") {
            try write(path, String(contentsOf: source.appendingPathComponent(path), encoding: .utf8))
        }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }

    var manifestPath: String { root.appendingPathComponent("dropin.yml").path }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func read(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path)
    }

    func source() throws -> ManifestSource {
        try ManifestSource.parse(Data(contentsOf: URL(fileURLWithPath: manifestPath)), file: manifestPath)
    }

    func manifestFile() throws -> ManifestFile {
        ManifestFile(file: manifestPath, data: try Data(contentsOf: URL(fileURLWithPath: manifestPath)))
    }

    /// As `dropin build` does it: the ownership record first, then a full build.
    @discardableResult
    func build(dryRun: Bool = false) throws -> Pipeline.BuildResult {
        try Pipeline().build(try manifestFile(), manifestPath: manifestPath, dryRun: dryRun)
    }

    /// As `dropin check` does it (`full`: `dropin check --full`).
    func check(full: Bool = false) throws -> Pipeline.CheckResult {
        try Pipeline().check(try manifestFile(), manifestPath: manifestPath, full: full)
    }

    /// Every file under `folder`, relative to it, with its bytes.
    func tree(_ folder: String) throws -> [String: Data] {
        let base = root.appendingPathComponent(folder)
        var tree: [String: Data] = [:]
        for path in try Fixtures.files(in: base) {
            tree[path] = try Data(contentsOf: base.appendingPathComponent(path))
        }
        return tree
    }

    /// Modification times, to tell a rewrite from a file left alone.
    func modificationDates(_ folder: String) throws -> [String: Date] {
        let base = root.appendingPathComponent(folder)
        var dates: [String: Date] = [:]
        for path in try Fixtures.files(in: base) {
            dates[path] = try FileManager.default.attributesOfItem(atPath: base.appendingPathComponent(path).path)[.modificationDate] as? Date
        }
        return dates
    }
}

/// What a manifest builds, but for the ownership record (whose fingerprint covers the
/// templates), with the default texts of `overriding` given as overrides. dropin's own
/// templates fill stencils (`Stencil`); the same texts as overrides are rendered whole.
func built(_ manifest: String, overriding names: [String] = []) throws -> [String: Data] {
    let defaults = Dictionary(uniqueKeysWithValues: TemplateSet.defaults.map { ($0.name, $0.text) })
    let project = try Project(
        manifest: names.isEmpty ? manifest : manifest.replacingOccurrences(of: "\npages:\n", with: "\ntemplates: templates\npages:\n"),
        files: Dictionary(uniqueKeysWithValues: names.map { ("templates/\($0).mustache", defaults[$0]!) }))
    let build = try project.build()
    #expect(build.succeeded, "\(build.diagnostics.map(\.message))")
    // The two folders' paths never meet: the private ones are all under dropin/ but for
    // configure.js and params.js, which are public.
    var tree = try project.tree("site").merging(try project.tree("site-private")) { _, _ in
        Issue.record("a path in both folders")
        return Data()
    }
    tree[BuildPlan.recordPath] = nil
    return tree
}

extension TemplateSet {
    /// Every default template of an HTML file or a part of one.
    static let htmlTemplates = defaults.map(\.name).filter { $0.hasSuffix(".html") }
}

enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let repository = folder.deletingLastPathComponent().deletingLastPathComponent()

    /// Regular files under `base`, relative, sorted.
    static func files(in base: URL) throws -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.isRegularFileKey]) else { return [] }
        let prefix = base.standardizedFileURL.path + "/"
        var paths: [String] = []
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            paths.append(String(url.standardizedFileURL.path.dropFirst(prefix.count)))
        }
        return paths.sorted()
    }
}
