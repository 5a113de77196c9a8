import Foundation
import Testing

/// The hooks of .pre-commit-hooks.yaml, run by pre-commit itself (`try-repo`, as a user tries a
/// hook repository) in a sample app's git repository: `dropin-check` passes on a current output
/// and fails on a stale one; `dropin-build` regenerates it.
struct PreCommitTests {
    let scratch: Scratch
    let git: URL
    let preCommit: URL

    init() throws {
        scratch = try Scratch()
        git = try requireTool("git")
        preCommit = try requireTool("pre-commit")
        try runGit("init", "-q")
        try scratch.write("dropin.yml", ValidateCommandTests.valid)
        try #require(try dropin("build", in: scratch.url).status == 0)
        try runGit("add", "-A")
        try runGit("commit", "-q", "-m", "app")
    }

    private var environment: [String: String?] {
        ["PATH": dropinBinary.deletingLastPathComponent().path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
         "PRE_COMMIT_HOME": scratch.url.appendingPathComponent(".pre-commit-cache").path,
         "GIT_AUTHOR_NAME": "app", "GIT_AUTHOR_EMAIL": "app@example.com",
         "GIT_COMMITTER_NAME": "app", "GIT_COMMITTER_EMAIL": "app@example.com"]
    }

    @discardableResult
    private func runGit(_ arguments: String...) throws -> Outcome {
        let outcome = try run(git, arguments, in: scratch.url, environment: environment)
        try #require(outcome.status == 0, "git \(arguments): \(outcome.stderr)")
        return outcome
    }

    private func hook(_ id: String) async throws -> Outcome {
        try await runOffPool(preCommit, ["try-repo", repositoryRoot.path, id, "--all-files", "--verbose"], in: scratch.url,
                             environment: environment)
    }

    @Test func checkPassesOnACurrentOutputAndFailsOnAStaleOne() async throws {
        let current = try await hook("dropin-check")
        #expect(current.status == 0, "\(current.stdout)\(current.stderr)")
        #expect(current.stdout.contains("dropin check") && current.stdout.contains("Passed"))
        try scratch.write("dropin.yml", ValidateCommandTests.valid.replacingOccurrences(of: "title: A", with: "title: B"))
        try runGit("add", "dropin.yml")
        let stale = try await hook("dropin-check")
        #expect(stale.status == 1, "\(stale.stdout)")
        #expect(stale.stdout.contains("Failed") && stale.stdout.contains("the manifest or a template changed since the last build"))
    }

    @Test func buildRegeneratesTheOutputAndStopsTheCommitUntilItIsAdded() async throws {
        try scratch.write("dropin.yml", ValidateCommandTests.valid.replacingOccurrences(of: "title: A", with: "title: B"))
        try runGit("add", "dropin.yml")
        let first = try await hook("dropin-build")
        #expect(first.status == 1, "\(first.stdout)")
        #expect(try scratch.read("site/a.html").contains("<h1>B</h1>"))
        try runGit("add", "-A")
        let second = try await hook("dropin-check")
        #expect(second.status == 0, "\(second.stdout)")
    }
}
