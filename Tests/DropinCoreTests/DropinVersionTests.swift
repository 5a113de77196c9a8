@testable import DropinCore
import Testing

/// A manifest's `dropin` requirement: which versions it allows, and that another dropin stops
/// with one error naming both versions, before the keys it may not know.
struct DropinVersionTests {
    @Test(arguments: [
        ("0.1", "0.1.0", true), ("0.1", "0.1.7", true), ("0.1", "0.2.0", false), ("0", "0.9.1", true),
        ("0.1.2", "0.1.2", true), ("0.1.2", "0.1.3", false), ("= 0.1.2", "0.1.2", true),
        (">= 0.1, < 0.3", "0.2.9", true), (">= 0.1, < 0.3", "0.3.0", false), (">= 0.1, < 0.3", "0.0.9", false),
        ("> 0.1", "0.1.9", false), ("> 0.1", "0.2.0", true), ("<= 0.1", "0.1.9", true), ("<= 0.1", "0.2.0", false),
        ("<0.1.5", "0.1.4", true), (">=1", "0.9.0", false),
    ])
    func aRequirementAllowsTheVersionsItNames(requirement: String, version: String, allowed: Bool) throws {
        let parsed = try #require(DropinRequirement(requirement))
        #expect(parsed.allows(version) == allowed, "\(requirement) and \(version)")
    }

    @Test(arguments: ["", "latest", "v0.1", "0.1.x", ">> 0.1", "0.1,", "1.2.3.4", "~> 0.1"])
    func otherTextIsNoRequirement(text: String) {
        #expect(DropinRequirement(text) == nil, "\(text)")
    }

    @Test func anotherDropinStopsWithOneErrorNamingBothVersions() throws {
        let result = try validate("""
            version: 1
            dropin: ">= 9.1"
            deployments: {staging: {environment: sandbox}}
            environment: sandbox
            token: {url: /t}
            pages: [{path: a.html, title: A, components: [{component: dwolla-balance-display}]}]
            dwollaWeb: "3.0.0"
            """)
        #expect(result.manifest == nil)
        #expect(result.diagnostics.map(\.code) == ["wrong-dropin-version"])
        let problem = try #require(result.diagnostics.first)
        #expect(problem.message.hasPrefix("this manifest requires dropin >= 9.1, and this is dropin \(DropinVersion.current): "))
        #expect(problem.location?.line == 2 && problem.location?.column == 9)
    }

    @Test func aRequirementThisDropinMeetsBuildsAsBefore() throws {
        let current = DropinVersion.current
        for requirement in ["\"\(current)\"", "\"\(current.split(separator: ".").prefix(2).joined(separator: "."))\"",
                            String(current.split(separator: ".").prefix(2).joined(separator: "."))] {
            let result = try validate("""
                version: 1
                dropin: \(requirement)
                environment: sandbox
                token: {url: /t}
                pages: [{path: a.html, title: A, components: [{component: dwolla-balance-display, attributes: {customerId: {param: c}}}]}]
                dwollaWeb: "3.0.0"
                """)
            #expect(result.manifest != nil, "\(requirement): \(result.diagnostics.map(\.message))")
        }
        let invalid = try validate("version: 1\ndropin: latest\n")
        #expect(invalid.diagnostics.map(\.code) == ["invalid-dropin-version"])
    }
}
