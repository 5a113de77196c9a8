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
        ("  a: {output: .}\n", "missing-private-output", "'output' is '.', which has no name to put the private folder beside"),
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
}
