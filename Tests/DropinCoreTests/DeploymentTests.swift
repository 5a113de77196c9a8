@testable import DropinCore
import Foundation
import Testing

/// Staging and production from one manifest: each deployment is the top level with its own
/// values in place, built to folders of its own, with every environment rule applied to it.
struct DeploymentTests {
    static let manifest = BuildTests.manifest + """
        deployments:
          staging: {output: site/staging}
          production: {environment: production, output: site/production, publicPath: /pay/}

        """

    @Test func eachDeploymentIsBuiltToItsOwnFoldersForItsEnvironment() throws {
        let project = try Project(manifest: Self.manifest)
        let build = try project.build()
        #expect(build.succeeded, "\(build.diagnostics)")
        #expect(build.deployments.map(\.name) == ["staging", "production"])
        #expect(!project.exists("site/index.html"), "the top level's output is only a default")
        for (name, api, environment) in [("staging", "https://api-sandbox.dwolla.com", "sandbox"),
                                         ("production", "https://api.dwolla.com", "production")] {
            let page = try project.read("site/\(name)/vcr.html")
            #expect(page.contains("connect-src &#39;self&#39; \(api);"), "\(name)")
            #expect(page.contains("(deployment \(name))"))
            let contract = try project.read("site/\(name)-private/dropin/token-route.openapi.yaml")
            #expect(contract.contains("\n  environment: \(environment)\n"), "\(name)")
        }
        #expect(try project.read("site/production/dropin/configure.js").contains(#"environment: "production""#))
        #expect(try project.read("site/staging/dropin/configure.js").contains(#"environment: "sandbox""#))
        #expect(try project.read("site/production-private/dropin/partials/mustache/head.mustache").contains(#"src="/pay/dropin/configure.js""#))
        #expect(try project.read("site/staging-private/dropin/partials/mustache/head.mustache").contains(#"src="/dropin/configure.js""#))
        let check = try project.check()
        #expect(check.succeeded && check.deployments.count == 2 && check.reports.isEmpty)
    }

    @Test func oneDeploymentCanBeBuiltAndCheckedAlone() throws {
        let project = try Project(manifest: Self.manifest)
        let production = try Pipeline().build(try project.source(), manifestPath: project.manifestPath, deployments: .named("production"))
        #expect(production.succeeded && production.deployments.map(\.name) == ["production"])
        #expect(project.exists("site/production/index.html") && !project.exists("site/staging"))
        #expect(Pipeline().check(try project.source(), manifestPath: project.manifestPath, deployments: .named("production")).succeeded)
        #expect(!(try project.check()).succeeded, "staging is not built")
        let unknown = Pipeline().build(try project.source(), manifestPath: project.manifestPath, deployments: .named("prodution"))
        #expect(unknown.diagnostics.map(\.code) == ["unknown-deployment"])
        #expect(unknown.diagnostics.first?.message == "the manifest has no deployment 'prodution'; did you mean 'production'? Its deployments: staging, production")
    }

    @Test func serveTakesTheFirstSandboxDeployment() throws {
        let manifest = try #require(try validate(Self.manifest).manifest)
        let (chosen, _) = Pipeline.choose(.firstSandbox, of: manifest)
        #expect(chosen.map(\.deploymentName) == ["staging"])
        let onlyProduction = try #require(try validate(BuildTests.manifest + "deployments:\n  live: {environment: production}\n").manifest)
        let (none, problems) = Pipeline.choose(.firstSandbox, of: onlyProduction)
        #expect(none.isEmpty && problems.map(\.code) == ["no-sandbox-deployment"])
        let plain = try #require(try validate(BuildTests.manifest).manifest)
        #expect(Pipeline.choose(.firstSandbox, of: plain).0.map(\.deploymentName) == [nil])
    }

    /// The top level's http token URL is fine in sandbox; a production deployment that keeps it
    /// is refused, at the URL, naming the deployment.
    @Test func environmentRulesApplyToEachDeployment() throws {
        let manifest = BuildTests.manifest.replacingOccurrences(of: "url: /api/dwolla/client-token", with: "url: http://localhost:9000/token")
            + "deployments:\n  dev: {output: site/dev}\n  live: {environment: production, output: site/live}\n"
        let result = try validate(manifest)
        #expect(result.diagnostics.map(\.code) == ["invalid-token-url"])
        let problem = try #require(result.diagnostics.first)
        #expect(problem.message.hasPrefix("token.url uses http in production (deployment live):"))
        #expect(problem.location?.line == 6, "at the top level's token.url, which the deployment keeps")
        let fixed = manifest.replacingOccurrences(of: "live: {environment: production, output: site/live}",
                                                  with: "live: {environment: production, output: site/live, token: {url: /token}}")
        #expect(try validate(fixed).diagnostics.isEmpty)
    }

    @Test(arguments: [
        ("  a: {}\n  b: {}\n", "shared-output", "deployments a and b both write into site"),
        ("  a: {output: web}\n  b: {output: web/b}\n", "shared-output", "deployments a and b both write into web/b"),
        ("  a: {output: web, privateOutput: web/private}\n", "private-in-web-root", "privateOutput 'web/private' is inside output 'web'"),
        ("  'prod env': {output: p}\n", "invalid-deployment-name", "'prod env' is not a deployment name"),
        ("  a: {output: .}\n", "missing-private-output", "'output' is '.' (deployment a), which has no name to put the private folder beside"),
        ("  a: {output: a, publicPath: pay}\n", "invalid-public-path", "publicPath must be"),
        ("  a: {output: a, csp: {add: {script-scr: [https://x.example]}}}\n", "invalid-csp", "'script-scr' is not a directive"),
    ])
    func badDeploymentsAreRefusedOneErrorEach(_ deployments: String, code: String, message: String) throws {
        let result = try validate(BuildTests.manifest + "deployments:\n" + deployments)
        #expect(result.diagnostics.map(\.code) == [code])
        #expect(result.diagnostics.first?.message.hasPrefix(message) == true, "\(result.diagnostics)")
        #expect(result.manifest == nil)
    }

    @Test func anEmptyMapOfDeploymentsIsRefused() throws {
        let result = try validate(BuildTests.manifest + "deployments: {}\n")
        #expect(result.diagnostics.map(\.code) == ["no-deployments"])
    }

    /// Without `deployments`, the manifest is one deployment, built as before.
    @Test func aManifestWithoutDeploymentsIsOneNamelessDeployment() throws {
        let manifest = try #require(try validate(BuildTests.manifest).manifest)
        #expect(manifest.deployments.isEmpty)
        #expect(manifest.deployed().map(\.deploymentName) == [nil])
        #expect(manifest.privateOutput.value == "site-private")
    }

    /// Adding deployments to a manifest that built into its top-level folders: the build
    /// removes dropin's files there, keeps the stylesheet it seeded (the user's), and says so.
    @Test func theTopLevelFoldersAreEmptiedWhenDeploymentsArrive() throws {
        let project = try Project(manifest: BuildTests.manifest)
        try project.build()
        try project.write("site/notes.txt", "mine\n")
        try project.write("dropin.yml", Self.manifest)
        let check = try project.check()
        #expect(!check.succeeded)
        let gone = check.diagnostics.filter { $0.code == "should-be-removed" }
        #expect(gone.count == 15, "\(check.diagnostics.map(\.message))")
        #expect(gone.allSatisfy { $0.message.hasPrefix("the manifest now builds its deployments, not its top-level output") })
        let build = try project.build()
        #expect(build.succeeded, "\(build.diagnostics)")
        #expect(build.retired.count == 1 && build.retired.first?.changes.count(\.removed) == 15)
        #expect(build.diagnostics.map(\.code) == ["retired-file-kept"])
        #expect(try project.tree("site").keys.filter { !$0.hasPrefix("staging") && !$0.hasPrefix("production") }.sorted()
                == ["notes.txt", "styles/dwolla.css"])
        #expect(!project.exists("site-private/dropin"))
        #expect(try project.check().succeeded)
    }

    @Test func aDeploymentDroppedFromTheManifestIsRemoved() throws {
        let project = try Project(manifest: Self.manifest)
        try project.build()
        try project.write("dropin.yml", Self.manifest.replacingOccurrences(
            of: "  production: {environment: production, output: site/production, publicPath: /pay/}\n", with: ""))
        let check = try project.check()
        #expect(check.diagnostics.contains { $0.message.hasPrefix("deployment production is no longer in the manifest") })
        let build = try project.build()
        #expect(build.succeeded)
        #expect(build.retired.map(\.name) == ["production"])
        #expect(try project.tree("site/production").keys.sorted() == ["styles/dwolla.css"])
        #expect(try project.tree("site/production-private").isEmpty)
        #expect(try project.check().succeeded)
        #expect(!(try project.read("site/staging-private/dropin/owned.json")).contains("production"))
    }

    /// Text cannot show that `../here/site/private` or a linked folder is inside the web root:
    /// the folders are compared again as the disk resolves them.
    @Test func aPrivateFolderReachedThroughDotDotOrALinkIsStillRefused() throws {
        let project = try Project(manifest: BuildTests.manifest)
        let name = project.root.lastPathComponent
        try project.write("dropin.yml", BuildTests.manifest + "privateOutput: ../\(name)/site/private\n")
        var build = try project.build()
        #expect(build.diagnostics.map(\.code) == ["private-in-web-root"], "\(build.diagnostics)")
        #expect(!project.exists("site"))
        try FileManager.default.createDirectory(at: project.root.appendingPathComponent("site"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: project.root.appendingPathComponent("web"),
                                                   withDestinationURL: project.root.appendingPathComponent("site"))
        try project.write("dropin.yml", BuildTests.manifest + "privateOutput: web/private\n")
        build = try project.build()
        #expect(build.diagnostics.map(\.code) == ["private-in-web-root"])
        #expect(build.diagnostics.first?.message.contains("(through '..' or a symbolic link)") == true)
        try project.write("dropin.yml", BuildTests.manifest + "deployments:\n  a: {output: one}\n  b: {output: ../\(name)/one}\n")
        build = try project.build()
        #expect(build.diagnostics.map(\.code) == ["shared-output"])
        #expect(!project.exists("one"))
    }

    /// macOS and Windows ignore case in file names by default: folders differing in case alone
    /// are one folder there.
    @Test func foldersDifferingInCaseAloneAreOneFolder() throws {
        #expect(try validate(BuildTests.manifest + "privateOutput: Site/private\n").diagnostics.map(\.code) == ["private-in-web-root"])
        #expect(try validate(BuildTests.manifest + "deployments:\n  a: {output: Web}\n  b: {output: web}\n").diagnostics.map(\.code)
                == ["shared-output"])
    }

    @Test func dropinsTemplateFolderCannotBeAnOutputFolder() throws {
        let manifest = BuildTests.manifest + "templates: server\nprivateOutput: server\n"
        #expect(try validate(manifest).diagnostics.map(\.code) == ["templates-in-output"])
        let deployment = BuildTests.manifest + "templates: tpl\ndeployments:\n  a: {output: tpl/site}\n"
        #expect(try validate(deployment).diagnostics.map(\.code) == ["templates-in-output"])
    }
}
