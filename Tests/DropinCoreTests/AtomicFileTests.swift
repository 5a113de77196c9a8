@testable import DropinCore
import Foundation
import Testing

/// Files are written whole: a new one unnamed and linked into place, a replaced one through a
/// temporary file renamed over it. Both leave nothing else behind.
struct AtomicFileTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("dropin-atomic-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    }

    /// The unnamed-file flags are literals for these architectures (Swift does not import the
    /// macros): were one wrong, every new file would quietly take the slower way.
    @Test func aNewFileIsLinkedIntoPlaceUnnamedOnLinux() throws {
        #if os(Linux) && (arch(x86_64) || arch(arm64))
        let open = try OpenFolder(folder.path)
        #expect(try AtomicFile.createUnnamedThenLink("<p>new</p>\n", named: "new.html", in: open))
        #expect(try String(contentsOf: folder.appendingPathComponent("new.html"), encoding: .utf8) == "<p>new</p>\n")
        let permissions = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent("new.html").path)[.posixPermissions] as? Int
        // 0644 less the umask: the owner reads and writes, nobody else writes.
        #expect(permissions.map { $0 & 0o600 == 0o600 && $0 & 0o133 == 0 } == true, "\(String(permissions ?? 0, radix: 8))")
        #expect(try entries() == ["new.html"])
        // A name taken meanwhile is not overwritten: the caller falls back to a replacement.
        #expect(try !AtomicFile.createUnnamedThenLink("<p>other</p>\n", named: "new.html", in: open))
        #expect(try String(contentsOf: folder.appendingPathComponent("new.html"), encoding: .utf8) == "<p>new</p>\n")
        #endif
    }

    @Test func aReplacedFileIsWholeAndLeavesNoTemporaryFile() throws {
        try "old\n".write(to: folder.appendingPathComponent("page.html"), atomically: false, encoding: .utf8)
        try AtomicFile.write("new\n", named: "page.html", in: try OpenFolder(folder.path), isNew: false)
        #expect(try String(contentsOf: folder.appendingPathComponent("page.html"), encoding: .utf8) == "new\n")
        #expect(try entries() == ["page.html"])
    }
}
