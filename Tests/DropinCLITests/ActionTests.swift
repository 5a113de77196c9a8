import Foundation
import Testing

/// The GitHub Action and what it runs: action.yml and the README's example workflow against
/// GitHub's schemas (as check-jsonschema vendors them), and scripts/install-release against the
/// local release: it installs a tarball with the right SHA-256 and nothing else.
struct ActionTests {
    @Test func theActionAndTheREADMEsWorkflowFollowGitHubsSchemas() async throws {
        let checker = try requireTool("check-jsonschema")
        let action = try await runOffPool(checker, ["--builtin-schema", "vendor.github-actions", repositoryRoot.appendingPathComponent("action.yml").path])
        #expect(action.status == 0, "\(action.stdout)\(action.stderr)")
        let readme = try String(contentsOf: repositoryRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let marker = "# .github/workflows/dropin.yml\n"
        let start = try #require(readme.range(of: marker), "README has no example workflow")
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
        #expect(wrong.stderr.contains("does not have the SHA-256"))
        #expect(!FileManager.default.fileExists(atPath: scratch.url.appendingPathComponent("wrong").path))
        #expect(!FileManager.default.fileExists(atPath: githubPath.path))

        let folder = scratch.url.appendingPathComponent("tools")
        let right = try run(bash, [script, ReleaseTests.version, sha256, url, folder.path], environment: ["GITHUB_PATH": githubPath.path])
        #expect(right.status == 0, "\(right.stderr)")
        let bin = folder.appendingPathComponent("\(ReleaseTests.name)/bin")
        #expect(try String(contentsOf: githubPath, encoding: .utf8) == bin.path + "\n")
        #expect(try run(bin.appendingPathComponent("dropin"), ["--version"]).stdout == "\(ReleaseTests.version)\n")
    }
}
