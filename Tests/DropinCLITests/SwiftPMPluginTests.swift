import Foundation
import Testing

/// The SwiftPM command plugin, as a Swift server app uses it: a sample package that depends on
/// this one by path runs `swift package --allow-writing-to-package-directory dropin build` and
/// `check`. Its build folder is kept in .build/swiftpm-plugin-sample, so only the first run of the
/// suite compiles dropin for it.
@Suite(.serialized)
struct SwiftPMPluginTests {
    let app: Scratch
    let swift: URL

    init() throws {
        app = try Scratch()
        swift = try requireTool("swift")
        try app.write("Package.swift", """
            // swift-tools-version:6.1
            import PackageDescription

            let package = Package(
                name: "app",
                dependencies: [.package(path: \(String(reflecting: repositoryRoot.path)))],
                targets: [.executableTarget(name: "App")]
            )

            """)
        try app.write("Sources/App/main.swift", "print(\"app\")\n")
        try app.write("dropin.yml", ValidateCommandTests.valid)
    }

    private func plugin(_ arguments: String...) async throws -> Outcome {
        let scratchPath = repositoryRoot.appendingPathComponent(".build/swiftpm-plugin-sample").path
        return try await runOffPool(swift, ["package", "--scratch-path", scratchPath, "--allow-writing-to-package-directory", "dropin"] + arguments,
                                    in: app.url)
    }

    @Test func buildWritesTheOutputAndCheckFindsItCurrentThenEditedByHand() async throws {
        let build = try await plugin("build")
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(try app.read("site/a.html").contains("<dwolla-balance-display"))

        let check = try await plugin("check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("up to date"))
        // The plugin's dropin is this dropin: the one the suite built trusts the record it wrote.
        let same = try dropin("check", in: app.url)
        #expect(same.status == 0 && same.stdout.contains("against the digests"), "\(same.stdout)\(same.stderr)")

        let page = try app.read("site/a.html")
        try app.write("site/a.html", page.replacingOccurrences(of: "<h1>A</h1>", with: "<h1>Edited</h1>"))
        let edited = try await plugin("check")
        #expect(edited.status != 0)
        #expect(edited.stdout.contains("edited by hand"), "\(edited.stdout)")
        #expect(edited.stderr.contains("dropin check exited with status 1"), "\(edited.stderr)")
    }

    @Test func serveSaysHowToRunTheServerInstead() async throws {
        let serve = try await plugin("serve")
        #expect(serve.status != 0)
        #expect(serve.stderr.contains("swift run dropin-serve"), "\(serve.stderr)")
    }
}
