import Foundation
import Testing

/// Faults while writing: what the user sees, and that the folder holds only whole files.
@Suite(.serialized)
struct FaultTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    static func manifest(pages: Int, output: String = "site") -> String {
        var text = "version: 1\nenvironment: sandbox\noutput: \(output)\npartials: []\ntoken: {url: /api/dwolla/client-token}\npages:\n"
        for index in 0..<pages {
            text += "  - {path: p/\(index).html, title: Page \(index), components: [{component: dwolla-balance-display, attributes: {customerId: {param: customerId}}}]}\n"
        }
        return text + "dwollaWeb: \"3.0.0\"\n"
    }

    /// The same manifest built undisturbed elsewhere: what every file must be, if it exists.
    func reference(_ manifest: String) throws -> Scratch {
        let reference = try Scratch()
        try reference.write("dropin.yml", manifest)
        let outcome = try dropin("build", in: reference.url)
        try #require(outcome.status == 0, "\(outcome.stderr)")
        return reference
    }

    /// Every file under the folder is whole: equal to the reference's. A killed build may leave
    /// one temporary beside the file it was writing (`temporariesAllowed`); otherwise none.
    func expectOnlyWholeFiles(in folder: URL, like reference: URL, temporariesAllowed: Bool = false) throws {
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            if isFolder.boolValue || path == "dropin/owned.json" { continue }
            if path.hasSuffix(".tmp") {
                #expect(temporariesAllowed, "a temporary file was left: \(path)")
                continue
            }
            let got = try Data(contentsOf: folder.appendingPathComponent(path))
            let want = try Data(contentsOf: reference.appendingPathComponent(path))
            #expect(got == want, "\(path) is not the whole file")
        }
    }

    @Test func aSymlinkedOutputIsRefused() throws {
        let elsewhere = try Scratch()
        try scratch.write("dropin.yml", Self.manifest(pages: 2))
        try FileManager.default.createSymbolicLink(at: scratch.url.appendingPathComponent("site"), withDestinationURL: elsewhere.url)
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: site is a symbolic link; dropin writes only into a real folder"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.url.path) == [])
    }

    @Test func aSymlinkedPageFolderIsRefused() throws {
        let elsewhere = try Scratch()
        try scratch.write("dropin.yml", Self.manifest(pages: 2))
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: scratch.url.appendingPathComponent("site/p"), withDestinationURL: elsewhere.url)
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("site/p:1:1: error: site/p is a symbolic link; dropin writes only into real folders inside site"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.url.path) == [])
    }

    @Test func aReadOnlyOutputIsAClearErrorAndLosesNothing() throws {
        try scratch.write("dropin.yml", Self.manifest(pages: 3))
        try #require(try dropin("build", in: scratch.url).status == 0)
        try scratch.write("dropin.yml", Self.manifest(pages: 3).replacingOccurrences(of: "Page 1", with: "Renamed 1"))
        let folder = scratch.url.appendingPathComponent("site/p")
        let before = try Data(contentsOf: folder.appendingPathComponent("1.html"))
        try setReadOnly(folder, true)
        defer { try? setReadOnly(folder, false) }
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("site/p/1.html could not be written ("))
        #expect(outcome.stderr.contains("check the folder's permissions and free space"))
        #expect(try Data(contentsOf: folder.appendingPathComponent("1.html")) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["0.html", "1.html", "2.html"])
    }

    /// Root ignores permission bits, so as root the folder is made immutable instead.
    private func setReadOnly(_ folder: URL, _ readOnly: Bool) throws {
        if getuid() == 0 {
            let chattr = try requireTool("chattr")
            let outcome = try run(chattr, [readOnly ? "+i" : "-i", folder.path])
            try #require(outcome.status == 0, "\(outcome.stderr)")
        } else {
            try FileManager.default.setAttributes([.posixPermissions: readOnly ? 0o555 : 0o755], ofItemAtPath: folder.path)
        }
    }

    @Test func aFileWhereDropinsFolderGoesIsAnError() throws {
        try scratch.write("dropin.yml", Self.manifest(pages: 2))
        try scratch.write("site/dropin", "mine\n")
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("site/dropin:1:1: error: site/dropin is a file where dropin needs a folder: move it away"))
        #expect(try scratch.read("site/dropin") == "mine\n")
    }

    @Test(.enabled(if: getuid() == 0, "mounting a small tmpfs needs root"))
    func aFullDiskStopsTheBuildWithWholeFilesOnly() throws {
        let manifest = Self.manifest(pages: 400, output: "disk/site")
        let reference = try reference(manifest.replacingOccurrences(of: "output: disk/site", with: "output: site"))
        try scratch.write("dropin.yml", manifest)
        let disk = scratch.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        let mount = try requireTool("mount")
        try #require(try run(mount, ["-t", "tmpfs", "-o", "size=160k", "tmpfs", disk.path]).status == 0)
        defer { _ = try? run(try requireTool("umount"), [disk.path]) }
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("could not be written (No space left on device)"))
        try expectOnlyWholeFiles(in: disk.appendingPathComponent("site"), like: reference.url.appendingPathComponent("site"))
    }

    @Test func aBuildKilledMidwayLeavesWholeFilesAndTheNextBuildFinishes() throws {
        let manifest = Self.manifest(pages: 3_000)
        let reference = try reference(manifest)
        try scratch.write("dropin.yml", manifest)
        let process = Process()
        process.executableURL = dropinBinary
        process.arguments = ["build"]
        process.currentDirectoryURL = scratch.url
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let pages = scratch.url.appendingPathComponent("site/p")
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline, ((try? FileManager.default.contentsOfDirectory(atPath: pages.path))?.count ?? 0) < 200 {
            usleep(2_000)
        }
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal, "the build finished before it could be killed")
        try expectOnlyWholeFiles(in: scratch.url.appendingPathComponent("site"), like: reference.url.appendingPathComponent("site"),
                                 temporariesAllowed: true)
        let rebuilt = try dropin("build", in: scratch.url)
        #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
        #expect(try dropin("check", in: scratch.url).status == 0)
        try expectOnlyWholeFiles(in: scratch.url.appendingPathComponent("site"), like: reference.url.appendingPathComponent("site"))
    }

    @Test func aSecondBuildWaitsForTheFirstOrSaysWhy() throws {
        try scratch.write("dropin.yml", Self.manifest(pages: 5))
        try FileManager.default.createDirectory(at: scratch.url.appendingPathComponent("site"), withIntermediateDirectories: true)
        let flock = try requireTool("flock")
        // Another holder of the lock, as a running build would be.
        let holder = Process()
        holder.executableURL = flock
        holder.arguments = [scratch.url.appendingPathComponent("site").path, "sleep", "3"]
        try holder.run()
        usleep(300_000)
        let refused = try run(dropinBinary, ["build"], in: scratch.url, environment: ["DROPIN_LOCK_TIMEOUT": "1"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("error: another dropin build is writing site/ and did not finish within 1 s: wait for it, or stop it"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("site/p").path))
        let waited = try run(dropinBinary, ["build"], in: scratch.url, environment: ["DROPIN_LOCK_TIMEOUT": "30"])
        #expect(waited.status == 0, "\(waited.stderr)")
        holder.waitUntilExit()
        #expect(try dropin("check", in: scratch.url).status == 0)
    }

    @Test func twoBuildsAtOnceNeverInterleave() async throws {
        try scratch.write("dropin.yml", Self.manifest(pages: 800))
        let url = scratch.url
        async let first = Task.detached { try dropin("build", in: url) }.value
        async let second = Task.detached { try dropin("build", in: url) }.value
        let outcomes = try await [first, second]
        #expect(outcomes.map(\.status) == [0, 0], "\(outcomes.map(\.stderr))")
        #expect(try dropin("check", in: scratch.url).status == 0)
    }
}
