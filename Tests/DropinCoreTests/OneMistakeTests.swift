@testable import DropinCore
import Testing

/// One mistake in a manifest gives one diagnostic that says how to fix it: a typo in a key is not
/// also a missing key, and YAML's own readings of a value are named.
struct OneMistakeTests {
    static func manifest(environment: String = "environment: sandbox", attributes: String) -> String {
        """
        version: 1
        \(environment)
        token: {url: /t}
        pages:
          - path: a.html
            title: A
            components:
              - component: dwolla-balance-display
                attributes: {\(attributes)}
        \(dwollaWebPin)
        """
    }

    func problems(_ yaml: String) throws -> [(code: String, message: String, line: Int?)] {
        try validate(yaml).diagnostics.map { ($0.code, $0.message, $0.location?.line) }
    }

    @Test func aMisspelledRequiredKeyIsOneError() throws {
        let found = try problems(Self.manifest(environment: "enviroment: sandbox", attributes: "customerId: {param: c}"))
        #expect(found.map(\.code) == ["unknown-key"])
        #expect(found.first?.message == "unknown key 'enviroment'; did you mean 'environment'?")
    }

    @Test func aMisspelledParameterIsOneError() throws {
        let found = try problems(Self.manifest(attributes: "customerId: {parm: c}"))
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.message.contains("did you mean 'param'?") == true, "\(found)")
    }

    @Test(arguments: [("yes", "true"), ("on", "true"), ("No", "false"), ("OFF", "false")])
    func aYAMLBooleanSpelledOtherwiseIsNamed(written: String, meant: String) throws {
        let found = try problems(Self.manifest(attributes: "customerId: {param: c}, hideZeroBalance: \(written)"))
        #expect(found.map(\.code) == ["yaml-boolean"])
        #expect(found.first?.message == "'\(written)' is read by YAML as \(meant): write \(meant), or put \"\(written)\" in quotes where the value is text")
        #expect(found.first?.line == 9)
    }

    @Test func trueAndFalseAsWrittenStillWork() throws {
        #expect(try problems(Self.manifest(attributes: "customerId: {param: c}, hideZeroBalance: false")).isEmpty)
        let quoted = try problems(Self.manifest(attributes: "customerId: {param: c}, hideZeroBalance: \"true\""))
        #expect(quoted.map(\.code) == ["expected-boolean"])
    }

    @Test func aQuotedParameterSaysToRemoveTheQuotes() throws {
        let found = try problems(Self.manifest(attributes: "customerId: \"{param: customerId}\""))
        #expect(found.map(\.code) == ["quoted-parameter"])
        #expect(found.first?.message
                == "'{param: customerId}' is text here, because of its quotes: remove the quotes to make it a parameter, as in customerId: {param: customerId}")
    }
}
