@testable import DropinCore
import Foundation
import Testing

/// The fingerprint changes with each input that decides the output, and with nothing else.
struct InputFingerprintTests {
    static func fingerprint(name: String = "dropin.yml", manifest: String = "version: 1\n", output: String = "site",
                            privateOutput: String = "site-private", templates: String? = nil, folder: URL? = nil) -> String? {
        InputFingerprint(manifestName: name, manifest: Data(manifest.utf8), folders: PerRoot(public: output, private: privateOutput),
                         templates: templates, templatesFolder: folder).digest
    }

    @Test func eachInputChangesIt() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("dropin-fp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let base = try #require(Self.fingerprint())
        #expect(base.count == 64)
        #expect(Self.fingerprint() == base)
        let emptyFolder = Self.fingerprint(templates: "t", folder: scratch)
        try Data("x".utf8).write(to: scratch.appendingPathComponent("page.html.mustache"))
        let oneTemplate = Self.fingerprint(templates: "t", folder: scratch)
        try Data("y".utf8).write(to: scratch.appendingPathComponent("page.html.mustache"))
        let editedTemplate = Self.fingerprint(templates: "t", folder: scratch)
        let variants = [Self.fingerprint(name: "site.yml"), Self.fingerprint(manifest: "version: 1\n\n"),
                        Self.fingerprint(output: "public"), Self.fingerprint(privateOutput: "server"), emptyFolder, oneTemplate, editedTemplate]
        #expect(Set(variants + [base]).count == variants.count + 1)
        let missing = Self.fingerprint(templates: "t", folder: scratch.appendingPathComponent("missing"))
        #expect(missing == nil)
    }

    /// The digest the fingerprint starts from is of exactly the sources that decide the output:
    /// the templates, the token route's Swift sources, DropinCore's own code, the HTML check's C
    /// (which decides whether a page is written at all) and Package.swift, whose exact pins name
    /// the versions of Yams and swift-mustache. Recomputed here from the
    /// checkout, it must match what the build step compiled in.
    @Test func itIsADigestOfEverySourceThatDecidesTheOutputPackageSwiftIncluded() throws {
        let root = Fixtures.repository
        let manager = FileManager.default
        func files(_ folder: String, recursive: Bool, _ include: (String) -> Bool) throws -> [String] {
            let base = root.appendingPathComponent(folder)
            let names = recursive ? (manager.subpaths(atPath: base.path) ?? []) : try manager.contentsOfDirectory(atPath: base.path)
            return names.filter(include).map { "\(folder)/\($0)" }
        }
        let digested = try files("Templates", recursive: false) { !$0.hasPrefix(".") }
            + files("Sources/DropinTokenRoute", recursive: false) { $0.hasSuffix(".swift") }
            + files("Sources/DropinCore", recursive: true) { $0.hasSuffix(".swift") }
            + files("Sources/CPolyglotCheck", recursive: true) { $0.hasSuffix(".c") || $0.hasSuffix(".h") }
            + ["Package.swift"]
        var bytes = Data()
        for path in digested.sorted() {
            let contents = try Data(contentsOf: root.appendingPathComponent(path))
            bytes += Data("\(path)\0\(contents.count)\0".utf8) + contents
        }
        // 64-bit FNV-1a, as the build step computes it (known answer: "a" gives af63dc4c8601ec8c).
        func fnv1a(_ bytes: Data) -> String {
            String(bytes.reduce(UInt64(0xcbf2_9ce4_8422_2325)) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }, radix: 16)
        }
        #expect(fnv1a(Data("a".utf8)) == "af63dc4c8601ec8c")
        #expect(fnv1a(bytes) == EmbeddedTemplates.sourceDigest,
                "the compiled-in digest is not of the checkout's sources: a stale build step, or a source it does not cover")
        let other = InputFingerprint(manifestName: "dropin.yml", manifest: Data("version: 1\n".utf8),
                                     folders: PerRoot(public: "site", private: "site-private"), templates: nil,
                                     templatesFolder: nil, sourceDigest: String(repeating: "0", count: 64))
        #expect(other.digest != Self.fingerprint(), "another dropin's sources must give another fingerprint")
    }
}
