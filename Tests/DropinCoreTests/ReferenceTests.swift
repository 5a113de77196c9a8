import DropinCore
import Foundation
import Testing

/// Fixture manifests and their full expected output, checked in under Tests/Fixtures. A changed,
/// missing or extra file fails with a diff. After an intended change of output, regenerate the
/// expected trees with DROPIN_UPDATE_FIXTURES=1 swift test --filter ReferenceTests, and review
/// the diff before committing it.
struct ReferenceTests {
    static let fixtures = ["minimal", "function-mode", "custom-templates"]

    @Test(arguments: fixtures)
    func outputMatchesTheCheckedInTree(fixture: String) throws {
        let project = try Project(fixture: fixture)
        let result = try project.build()
        #expect(result.succeeded, "\(result.diagnostics.map(\.message))")
        let manifest = try #require(result.rendered?.manifest)
        // expected/ holds the public folder as public/ and the private one as private/.
        var actual: [String: Data] = [:]
        for (root, folder) in [("public", manifest.output.value), ("private", manifest.privateOutput.value)] {
            for (path, data) in try project.tree(folder) { actual["\(root)/\(path)"] = data }
        }
        let expectedFolder = Fixtures.folder.appendingPathComponent("\(fixture)/expected")

        if ProcessInfo.processInfo.environment["DROPIN_UPDATE_FIXTURES"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in actual {
                let url = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
            return
        }

        var expected: [String: Data] = [:]
        for path in try Fixtures.files(in: expectedFolder) {
            expected[path] = try Data(contentsOf: expectedFolder.appendingPathComponent(path))
        }
        #expect(Set(actual.keys).subtracting(expected.keys).sorted() == [], "files the build wrote that the fixture lacks")
        #expect(Set(expected.keys).subtracting(actual.keys).sorted() == [], "files the fixture has that the build did not write")
        for (path, want) in expected.sorted(by: { $0.key < $1.key }) {
            guard let got = actual[path], got != want else { continue }
            // The record's input fingerprint covers dropin's own sources, so it changes with
            // every change to dropin: InputFingerprintTests test it instead.
            if path == "private/" + BuildPlan.recordPath, OwnershipRecord.apartFromFingerprint(String(decoding: got, as: UTF8.self))
                == OwnershipRecord.apartFromFingerprint(String(decoding: want, as: UTF8.self)) { continue }
            let diff = UnifiedDiff.make(from: String(decoding: want, as: UTF8.self), to: String(decoding: got, as: UTF8.self),
                                        oldName: "expected/\(path)", newName: "built/\(path)")
            Issue.record("\(fixture): \(path) differs from the checked-in output:\n\(diff)")
        }
    }
}
