import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The release tarball `scripts/release` builds (scripts/test builds it once, before the suite):
/// what it holds, that its executables need only the C and C++ runtimes, and that dropin builds,
/// checks and serves the example in a minimal Debian root (`debootstrap --variant=minbase`, made
/// by scripts/test) that has no libxml2, no ICU and no Swift, only its own /proc mounted.
struct ReleaseTests {
    static let version = "0.1.0"
    static let name = "dropin-\(version)-linux-x86_64"
    static let dist = repositoryRoot.appendingPathComponent("dist")
    static let minimalRoot = repositoryRoot.appendingPathComponent(".build/minimal-root")

    /// The tarball unpacked into a scratch folder.
    private func unpacked() throws -> (scratch: Scratch, root: URL) {
        let tarball = Self.dist.appendingPathComponent("\(Self.name).tar.gz")
        try #require(FileManager.default.fileExists(atPath: tarball.path), "no \(tarball.path): run scripts/release (scripts/test does)")
        let scratch = try Scratch()
        let tar = try requireTool("tar")
        let outcome = try run(tar, ["-xzf", tarball.path, "-C", scratch.url.path])
        try #require(outcome.status == 0, "\(outcome.stderr)")
        return (scratch, scratch.url.appendingPathComponent(Self.name))
    }

    @Test func theTarballHoldsBothExecutablesCompletionsAManPageAndTheLicense() throws {
        let (scratch, root) = try unpacked()
        _ = scratch
        let files = regularFiles(in: root)
        #expect(files == ["CHANGELOG.md", "LICENSE", "bin/dropin", "bin/dropin-serve", "share/bash-completion/completions/dropin",
                          "share/fish/vendor_completions.d/dropin.fish", "share/man/man1/dropin.1", "share/zsh/site-functions/_dropin"])
        let manual = try String(contentsOf: root.appendingPathComponent("share/man/man1/dropin.1"), encoding: .utf8)
        #expect(manual.contains(".Nm dropin") && manual.contains(".It Fl -deployment Ar deployment"))
        let version = try run(root.appendingPathComponent("bin/dropin"), ["--version"])
        #expect(version.stdout == "\(Self.version)\n")
    }

    @Test func theChecksumFileMatchesTheTarball() throws {
        let sha256sum = try requireTool("sha256sum")
        let outcome = try run(sha256sum, ["--check", "\(Self.name).tar.gz.sha256"], in: Self.dist)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
        #expect(outcome.stdout == "\(Self.name).tar.gz: OK\n")
    }

    /// Nothing but the C and C++ runtimes, which every Linux distribution has.
    @Test(arguments: ["dropin", "dropin-serve"])
    func anExecutableNeedsOnlyTheCAndCPlusPlusRuntimes(tool: String) throws {
        let (scratch, root) = try unpacked()
        _ = scratch
        let readelf = try requireTool("readelf")
        let outcome = try run(readelf, ["-d", root.appendingPathComponent("bin/\(tool)").path])
        try #require(outcome.status == 0, "\(outcome.stderr)")
        let needed = outcome.stdout.split(separator: "\n").compactMap { line -> String? in
            guard line.contains("(NEEDED)"), let open = line.firstIndex(of: "["), let close = line.lastIndex(of: "]") else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        let runtimes: Set = ["libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1", "libpthread.so.0", "libdl.so.2",
                             "librt.so.1", "libutil.so.1", "ld-linux-x86-64.so.2"]
        #expect(!needed.isEmpty && Set(needed).isSubset(of: runtimes), "\(tool) needs \(needed)")
        let notStripped = try run(try requireTool("file"), [root.appendingPathComponent("bin/\(tool)").path]).stdout
        #expect(notStripped.contains(", stripped"), "\(notStripped)")
    }

    @Test func dropinBuildsChecksAndServesInAMinimalDebianRoot() async throws {
        let chroot = try requireTool("chroot")
        let root = Self.minimalRoot
        try #require(FileManager.default.fileExists(atPath: root.appendingPathComponent("etc/debian_version").path),
                     "no minimal root at \(root.path): scripts/test makes it with debootstrap")
        for library in ["libxml2.so.2", "libicuuc.so.72"] {
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("usr/lib/x86_64-linux-gnu/\(library)").path),
                    "the minimal root has \(library)")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("usr/bin/swift").path))
        let app = root.appendingPathComponent("app"), install = root.appendingPathComponent("opt/\(Self.name)")
        try? FileManager.default.removeItem(at: app)
        try? FileManager.default.removeItem(at: install)
        defer {
            try? FileManager.default.removeItem(at: app)
            try? FileManager.default.removeItem(at: install)
        }
        try FileManager.default.createDirectory(at: app, withIntermediateDirectories: true)
        let tar = try requireTool("tar")
        let unpacked = try run(tar, ["-xzf", Self.dist.appendingPathComponent("\(Self.name).tar.gz").path, "-C", root.appendingPathComponent("opt").path])
        try #require(unpacked.status == 0, "\(unpacked.stderr)")
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("dropin.yml"), to: app.appendingPathComponent("dropin.yml"))
        let dropin = "/opt/\(Self.name)/bin/dropin"
        // As on every Linux system: the Swift runtime reads a process's arguments from /proc.
        let mount = try requireTool("mount"), umount = try requireTool("umount")
        let proc = root.appendingPathComponent("proc").path
        try #require(try run(mount, ["-t", "proc", "proc", proc]).status == 0, "could not mount /proc in the minimal root")
        defer { _ = try? run(umount, [proc]) }

        let build = try run(chroot, [root.path, dropin, "build", "--manifest", "/app/dropin.yml"])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(build.stdout.contains("/app/site/staging-private/ (staging)") && build.stdout.contains("(production)"), "\(build.stdout)")
        let check = try run(chroot, [root.path, dropin, "check", "--manifest", "/app/dropin.yml"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        // The same bytes as the debug build that made the committed site.
        for path in ["site/staging/index.html", "site/production-private/dropin/token-route.json"] {
            #expect(try Data(contentsOf: app.appendingPathComponent(path)) == Data(contentsOf: repositoryRoot.appendingPathComponent(path)), "\(path)")
        }

        let serve = try ServeProcess(chroot, [root.path, dropin, "serve", "--port", "0", "--fake-dwolla", "--manifest", "/app/dropin.yml"],
                                     in: app, credentials: false)
        defer { serve.stop() }
        try #require(serve.port != 0, "serve did not start in the minimal root: \(serve.log)")
        let (data, response) = try await URLSession.shared.data(from: URL(string: "\(serve.url)/index.html")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
        #expect(String(decoding: data, as: UTF8.self).contains("Dwolla drop-in pages"))
    }

    /// Builds the example with an installed dropin, then serves it: dropin-serve must be beside.
    private func buildAndServe(with dropin: URL) async throws {
        let app = try Scratch()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("dropin.yml"), to: app.url.appendingPathComponent("dropin.yml"))
        let build = try run(dropin, ["build"], in: app.url)
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        let serve = try ServeProcess(dropin, ["serve", "--port", "0", "--fake-dwolla"], in: app.url, credentials: false)
        defer { serve.stop() }
        try #require(serve.port != 0, "serve did not start: \(serve.log)")
        let (_, response) = try await URLSession.shared.data(from: URL(string: "\(serve.url)/index.html")!)
        #expect((response as? HTTPURLResponse)?.statusCode == 200)
    }

    /// `pip install` of the wheel puts dropin and dropin-serve on the virtual environment's PATH.
    @Test func theWheelInstallsIntoAFreshVirtualEnvironment() async throws {
        let wheels = (try FileManager.default.contentsOfDirectory(atPath: Self.dist.path)).filter { $0.hasPrefix("dropin-\(Self.version)-") && $0.hasSuffix(".whl") }
        try #require(wheels.count == 1, "one wheel in dist/, not \(wheels): run scripts/release")
        // Tagged for the glibc the executables need, which Debian 12's 2.36 satisfies.
        #expect(wheels[0].hasPrefix("dropin-\(Self.version)-py3-none-manylinux_2_"), "\(wheels[0])")
        let python = try requireTool("python3")
        let scratch = try Scratch()
        let venv = scratch.url.appendingPathComponent("venv")
        try #require(try run(python, ["-m", "venv", venv.path]).status == 0)
        let install = try run(venv.appendingPathComponent("bin/pip"), ["install", "--no-index", "--quiet", Self.dist.appendingPathComponent(wheels[0]).path])
        try #require(install.status == 0, "\(install.stdout)\(install.stderr)")
        let dropin = venv.appendingPathComponent("bin/dropin")
        #expect(try run(dropin, ["--version"]).stdout == "\(Self.version)\n")
        #expect(FileManager.default.isExecutableFile(atPath: venv.appendingPathComponent("bin/dropin-serve").path))
        try await buildAndServe(with: dropin)
    }

    /// The npm packages, installed from their tarballs with no registry: the launcher finds the
    /// platform package's executable.
    @Test func theNpmPackagesInstallFromTheirTarballs() async throws {
        let npm = try requireTool("npm")
        let tarballs = ["dropin-linux-x64-\(Self.version).tgz", "dropin-\(Self.version).tgz"].map { Self.dist.appendingPathComponent($0).path }
        for tarball in tarballs {
            try #require(FileManager.default.fileExists(atPath: tarball), "no \(tarball): run scripts/release")
        }
        let project = try Scratch()
        try project.write("package.json", #"{"name": "app", "version": "1.0.0", "private": true}"# + "\n")
        let install = try await runOffPool(npm, ["install", "--offline", "--no-audit", "--no-fund"] + tarballs, in: project.url,
                                           environment: ["npm_config_cache": project.url.appendingPathComponent(".npm").path])
        try #require(install.status == 0, "\(install.stdout)\(install.stderr)")
        let dropin = project.url.appendingPathComponent("node_modules/.bin/dropin")
        let version = try run(dropin, ["--version"])
        #expect(version.stdout == "\(Self.version)\n", "\(version.stderr)")
        let failing = try run(dropin, ["check", "--manifest", "missing.yml"], in: project.url)
        #expect(failing.status == 2, "the launcher passes the exit status on")
        // dropin ended by SIGPIPE (its 75 kB schema into a pipe nobody reads), which Node itself
        // ignores: status 128 + 13, as a shell reports it.
        let piped = try run(try requireTool("bash"), ["-c", "set -o pipefail; '\(dropin.path)' schema | true"])
        #expect(piped.status == 141, "\(piped.stderr)")
        try await buildAndServe(with: dropin)
    }
}
