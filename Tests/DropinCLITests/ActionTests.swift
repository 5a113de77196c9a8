import Foundation
import Testing

/// The GitHub Action and what it runs: action.yml and docs/install.md's example workflow against
/// GitHub's schemas (as check-jsonschema vendors them), and scripts/install-release against the
/// local release: it installs a tarball with the right SHA-256 and nothing else.
struct ActionTests {
    @Test func theActionAndTheDocumentedWorkflowFollowGitHubsSchemas() async throws {
        let checker = try requireTool("check-jsonschema")
        let action = try await runOffPool(checker, ["--builtin-schema", "vendor.github-actions", repositoryRoot.appendingPathComponent("action.yml").path])
        #expect(action.status == 0, "\(action.stdout)\(action.stderr)")
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/install.md"), encoding: .utf8)
        let marker = "# .github/workflows/dropin.yml\n"
        let start = try #require(readme.range(of: marker), "docs/install.md has no example workflow")
        let workflow = try #require(readme[start.upperBound...].components(separatedBy: "```").first)
        let scratch = try Scratch()
        try scratch.write("dropin.yml", workflow)
        let checked = try await runOffPool(checker, ["--builtin-schema", "vendor.github-workflows", scratch.url.appendingPathComponent("dropin.yml").path])
        #expect(checked.status == 0, "\(checked.stdout)\(checked.stderr)")
        #expect(workflow.contains("uses: OWNER/dropin@v\(ReleaseTests.version)"))
    }

    @Test func theInstallScriptInstallsAVerifiedReleaseAndRefusesAnyOther() throws {
        let tarball = ReleaseTests.dist.appendingPathComponent("\(ReleaseTests.name).tar.gz")
        try #require(FileManager.default.fileExists(atPath: tarball.path), "run scripts/release (scripts/test does)")
        let sha256 = try #require(try String(contentsOf: ReleaseTests.dist.appendingPathComponent("\(ReleaseTests.name).tar.gz.sha256"),
                                             encoding: .utf8).split(separator: " ").first.map(String.init))
        let bash = try requireTool("bash")
        let script = repositoryRoot.appendingPathComponent("scripts/install-release").path
        let url = "file://" + ReleaseTests.dist.path + "/dropin-VERSION-linux-x86_64.tar.gz"
        let scratch = try Scratch()
        let githubPath = scratch.url.appendingPathComponent("github-path")

        let wrong = try run(bash, [script, ReleaseTests.version, String(repeating: "0", count: 64), url, scratch.url.appendingPathComponent("wrong").path],
                            environment: ["GITHUB_PATH": githubPath.path])
        #expect(wrong.status == 1)
        #expect(wrong.stderr.hasSuffix(", not \(String(repeating: "0", count: 64)): not installed\n"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("wrong").path))
        #expect(!FileManager.default.fileExists(atPath: githubPath.path))

        let folder = scratch.url.appendingPathComponent("tools")
        let right = try run(bash, [script, ReleaseTests.version, sha256, url, folder.path], environment: ["GITHUB_PATH": githubPath.path])
        #expect(right.status == 0, "\(right.stderr)")
        let bin = folder.appendingPathComponent("\(ReleaseTests.name)/bin")
        #expect(try String(contentsOf: githubPath, encoding: .utf8) == bin.path + "\n")
        #expect(try run(bin.appendingPathComponent("dropin"), ["--version"]).stdout == "\(ReleaseTests.version)\n")
    }

    /// A tarball with the right digest but not the release named (another version inside) is
    /// refused, and an earlier install stays as it was, with nothing half-written beside it.
    @Test func aReleaseThatIsNotTheOneNamedLeavesTheEarlierInstallAlone() throws {
        let bash = try requireTool("bash"), tar = try requireTool("tar")
        let scratch = try Scratch()
        try scratch.write("other/dropin-0.1.0-linux-x86_64/bin/dropin", "#!/bin/sh\necho 9.9.9\n")
        try #require(chmod(scratch.url.appendingPathComponent("other/dropin-0.1.0-linux-x86_64/bin/dropin").path, 0o755) == 0)
        let fake = scratch.url.appendingPathComponent("fake.tar.gz")
        try #require(try run(tar, ["-czf", fake.path, "-C", scratch.url.appendingPathComponent("other").path, "dropin-0.1.0-linux-x86_64"]).status == 0)
        let digest = ContentDigestOfFile.sha256(fake)
        try scratch.write("tools/dropin-0.1.0-linux-x86_64/bin/dropin", "earlier\n")
        let script = repositoryRoot.appendingPathComponent("scripts/install-release").path
        let outcome = try run(bash, [script, "0.1.0", digest, "file://" + fake.path, scratch.url.appendingPathComponent("tools").path])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == "install-release: dropin-0.1.0-linux-x86_64/bin/dropin is dropin 9.9.9, not 0.1.0: not installed\n")
        #expect(try scratch.read("tools/dropin-0.1.0-linux-x86_64/bin/dropin") == "earlier\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.url.appendingPathComponent("tools").path) == ["dropin-0.1.0-linux-x86_64"])
    }
}

/// The SHA-256 of a file, as sha256sum prints it.
enum ContentDigestOfFile {
    static func sha256(_ file: URL) -> String {
        let outcome = try? run(URL(fileURLWithPath: "/usr/bin/sha256sum"), [file.path])
        return outcome.map { String($0.stdout.prefix(64)) } ?? ""
    }
}
