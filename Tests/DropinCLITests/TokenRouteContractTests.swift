import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// The generated contract, judged by independent tools: openapi-spec-validator reads it as
/// OpenAPI 3.1, and schemathesis sends what it describes (and what it forbids) to serve and to
/// every generated route.
struct TokenRouteContractTests {
    @Test func theRepositorysSpecIsValidOpenAPI() async throws {
        let validator = try requireTool("openapi-spec-validator")
        let specs = ["staging", "production"].map {
            repositoryRoot.appendingPathComponent("site/\($0)-private/dropin/token-route.openapi.yaml").path
        }
            + (try FileManager.default.subpathsOfDirectory(atPath: repositoryRoot.appendingPathComponent("Tests/Fixtures").path))
                .filter { $0.hasSuffix("token-route.openapi.yaml") }
                .map { repositoryRoot.appendingPathComponent("Tests/Fixtures/\($0)").path }
        #expect(specs.count == 5)
        let outcome = try await runOffPool(validator, specs)
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    }

    @Test func schemathesisFindsNoFailureInServe() async throws {
        let schemathesis = try requireTool("schemathesis")
        let scratch = try Scratch()
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("dropin.yml"),
                                         to: scratch.url.appendingPathComponent("dropin.yml"))
        let serve = try ServeProcess(in: scratch.url, arguments: ["--fake-dwolla", "--customer-id", ServeProcess.customer, "--rate-limit", "0"],
                                     credentials: false)
        defer { serve.stop() }
        try #require(serve.port != 0, "\(serve.log)")
        let outcome = try await runOffPool(schemathesis, [
            "--config-file", repositoryRoot.appendingPathComponent("Tests/Oracles/schemathesis.toml").path,
            "run", scratch.url.appendingPathComponent("site/staging-private/dropin/token-route.openapi.yaml").path,
            "--url", serve.url, "--checks", "all", "--max-examples", "150", "--seed", "20261128",
        ], in: scratch.url, environment: ["NO_PROXY": "127.0.0.1,localhost", "SCHEMATHESIS_HOOKS": nil])
        #expect(outcome.status == 0, "\(outcome.stdout.suffix(4000))")
    }

    /// Every route dropin generates, as the example site holds it, against the example's
    /// contract and the vectors' fake Dwolla (Tests/RouteVectors/contract.py). One at a time:
    /// each run keeps a core busy, and the routes share nothing.
    @Test(.serialized, arguments: RouteVectorTests.Implementation.allCases)
    func schemathesisFindsNoFailureInTheRoute(_ implementation: RouteVectorTests.Implementation) async throws {
        _ = try requireTool("schemathesis")
        let python = try requireTool("python3")
        let folder = repositoryRoot.appendingPathComponent("site/staging-private/dropin")
        let outcome = try await runOffPool(python, [
            repositoryRoot.appendingPathComponent("Tests/RouteVectors/contract.py").path,
            folder.appendingPathComponent("token-route.openapi.yaml").path, folder.appendingPathComponent("token-route.json").path,
            "--config-file", repositoryRoot.appendingPathComponent("Tests/Oracles/schemathesis.toml").path,
            "--checks", "all", "--max-examples", "50", "--seed", "20261130", "--",
        ] + implementation.command(),
            environment: ["NO_PROXY": "127.0.0.1,localhost", "SCHEMATHESIS_HOOKS": nil, "TOKEN_ROUTE_FORM": implementation.form])
        #expect(outcome.status == 0, "\(outcome.stdout.suffix(4000))\(outcome.stderr.suffix(2000))")
        #expect(outcome.stdout.contains("No issues found"))
    }
}
