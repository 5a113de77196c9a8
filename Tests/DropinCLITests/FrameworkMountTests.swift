import Foundation
import Testing

/// The generated routes mounted in the frameworks docs/token-route.md names, with its lines, and asked
/// for a token from the vectors' fake Dwolla: Python in Flask, FastAPI and Django; Ruby in
/// Rails' router and Sinatra; PHP through handle() and from a Symfony controller. Each script
/// also checks that a signed-out request gets the route's 401 and that the app's own pages
/// are still the framework's.
struct FrameworkMountTests {
    enum Language: String, CaseIterable, Sendable {
        case python, ruby, php

        func command() throws -> [String] {
            let server = repositoryRoot.appendingPathComponent("site/staging-private/dropin/server")
            let tests = repositoryRoot.appendingPathComponent("Tests")
            switch self {
            case .python:
                return [try requireTool("python3").path, tests.appendingPathComponent("Python/framework_mounts.py").path,
                        server.appendingPathComponent("python/dwolla_token_route.py").path]
            case .ruby:
                return [try requireTool("ruby").path, tests.appendingPathComponent("Ruby/framework_mounts.rb").path,
                        server.appendingPathComponent("ruby/dwolla_token_route.rb").path]
            case .php:
                _ = try requireTool("php")
                return [try requireTool("python3").path, tests.appendingPathComponent("PHP/framework_mounts.py").path,
                        server.appendingPathComponent("php/DwollaTokenRoute.php").path]
            }
        }

        var frameworks: [String] {
            switch self {
            case .python: ["Flask", "FastAPI", "Django"]
            case .ruby: ["Rails", "Sinatra"]
            case .php: ["plain", "symfony"]
            }
        }
    }

    @Test(arguments: Language.allCases)
    func theRouteAnswersWhereTheDocsMountIt(_ language: Language) async throws {
        let python = try requireTool("python3")
        let outcome = try await runOffPool(python, [repositoryRoot.appendingPathComponent("Tests/RouteVectors/with_fake_dwolla.py").path, "--"]
                                              + language.command(),
                                           environment: ["NO_PROXY": "127.0.0.1,localhost"])
        #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr.suffix(3000))")
        for framework in language.frameworks {
            #expect(outcome.stdout.contains("\(framework): mounted, answers"), "\(outcome.stdout)")
        }
    }
}
