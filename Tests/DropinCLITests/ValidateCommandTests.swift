import Foundation
import Testing

/// `dropin validate` end to end: what people, programs and CI see, and every exit status.
struct ValidateCommandTests {
    let scratch: Scratch

    init() throws {
        scratch = try Scratch()
    }

    static let valid = """
        version: 1
        environment: sandbox
        token:
          url: /api/dwolla/client-token
        pages:
          - path: a.html
            title: A
            components:
              - component: dwolla-balance-display
                attributes:
                  customerId: {param: customerId}
        dwollaWeb: "3.0.0"

        """

    static let broken = """
        version: 1
        environment: sandbox
        token:
          url: /api/dwolla/client-token
        pages:
          - path: a.html
            title: A
            components:
              - component: dwolla-balance-display
                attributes:
                  customerIdd: {param: customerId}
                  hideZeroBalance: "yes"
        dwollaWeb: "3.0.0"

        """

    @Test func aValidManifestExitsZeroAndSaysSo() throws {
        try scratch.write("dropin.yml", Self.valid)
        let outcome = try dropin("validate", in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.stdout == "dropin.yml is valid: 1 page, 1 component\n")
        #expect(outcome.stderr == "")
    }

    @Test func errorsExitOneWithEditorStyleLinesAndCarets() throws {
        try scratch.write("dropin.yml", Self.broken)
        let outcome = try dropin("validate", in: scratch.url)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == """
            dropin.yml:9:20: error: dwolla-balance-display needs the attribute 'customerId': add it under attributes, e.g. customerId: {param: customerId} [pages[0].components[0].attributes.customerId]
             9 |       - component: dwolla-balance-display
               |                    ^
            dropin.yml:11:11: error: dwolla-balance-display has no attribute 'customerIdd'; did you mean 'customerId'? [pages[0].components[0].attributes.customerIdd]
             11 |           customerIdd: {param: customerId}
                |           ^
            dropin.yml:12:28: error: 'hideZeroBalance' is a boolean attribute: write true or false without quotes, not 'yes' [pages[0].components[0].attributes.hideZeroBalance]
             12 |           hideZeroBalance: "yes"
                |                            ^
            dropin.yml: 3 errors, 0 warnings

            """)
    }

    @Test func warningsAloneExitZero() throws {
        try scratch.write("dropin.yml", Self.valid.replacingOccurrences(
            of: "dwolla-balance-display\n        attributes:\n          customerId: {param: customerId}",
            with: "dwolla-account-opening\n        actions: [customer.create]"))
        let outcome = try dropin("validate", in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.contains("dropin.yml:9:20: warning: dwolla-account-opening has not been in Dwolla's docs"))
        #expect(outcome.stderr.hasSuffix("dropin.yml: 0 errors, 1 warning\n"))
        #expect(outcome.stdout == "dropin.yml is valid: 1 page, 1 component\n")
    }

    @Test func anUnpinnedDwollaWebIsAWarningThatSaysWhatWasPinned() throws {
        try scratch.write("dropin.yml", Self.valid.replacingOccurrences(of: "dwollaWeb: \"3.0.0\"\n", with: ""))
        let outcome = try dropin("build", in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.stderr.hasPrefix("""
            dropin.yml:1:1: warning: no dwollaWeb: the pages load dwolla-web 3.0.0, the newest this dropin knows, and another \
            dropin would load another; pin it with dwollaWeb: "3.0.0" at the top level [dwollaWeb]
            """), "\(outcome.stderr)")
        #expect(try scratch.read("site/a.html").contains("https://cdn.dwolla.com/v3.0.0/dwolla-web.js"), "the newest known is what the pages load")
    }

    @Test func jsonIsAVersionedDocumentOfEveryDiagnostic() throws {
        try scratch.write("dropin.yml", Self.broken)
        let outcome = try dropin("validate", "--format", "json", in: scratch.url)
        #expect(outcome.status == 1)
        let document = try parseJSON(outcome.stdout)
        #expect(document["formatVersion"] as? Int == 2)
        #expect(document["command"] as? String == "validate")
        #expect(document["errors"] as? Int == 3)
        #expect(document["warnings"] as? Int == 0)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        try #require(diagnostics.count == 3)
        let second = diagnostics[1]
        #expect(second["severity"] as? String == "error")
        #expect(second["code"] as? String == "unknown-attribute")
        #expect(second["file"] as? String == "dropin.yml")
        #expect(second["line"] as? Int == 11)
        #expect(second["column"] as? Int == 11)
        #expect(second["keyPath"] as? String == "pages[0].components[0].attributes.customerIdd")
        #expect(second["message"] as? String == "dwolla-balance-display has no attribute 'customerIdd'; did you mean 'customerId'?")
    }

    @Test func githubFormatWritesOneEscapedAnnotationPerDiagnostic() throws {
        try scratch.write("dropin.yml", Self.broken)
        let outcome = try dropin("validate", "--format", "github", in: scratch.url)
        #expect(outcome.status == 1)
        let lines = outcome.stdout.split(separator: "\n")
        try #require(lines.count == 3)
        #expect(lines[1] == "::error file=dropin.yml,line=11,col=11,title=dropin validate%3A unknown-attribute::dwolla-balance-display has no attribute 'customerIdd'; did you mean 'customerId'? [pages[0].components[0].attributes.customerIdd]")
    }

    @Test func aMissingManifestExitsTwoAndSaysWhatToDo() throws {
        let outcome = try dropin("validate", in: scratch.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: dropin.yml: no such file; run `dropin init` to start one, or name another with --manifest\n")
    }

    @Test func aFileThatIsNotYAMLExitsTwoWithItsPlace() throws {
        try scratch.write("dropin.yml", "version: 1\npages: [a\n")
        let outcome = try dropin("validate", in: scratch.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.hasPrefix("dropin.yml:3:1: error: not valid YAML: "))
    }

    @Test func aFileThatIsNotUTF8ExitsTwo() throws {
        try Data([0x76, 0x3A, 0x20, 0xFF, 0x0A]).write(to: scratch.url.appendingPathComponent("dropin.yml"))
        let outcome = try dropin("validate", "--format", "json", in: scratch.url)
        #expect(outcome.status == 2)
        let diagnostics = try #require(try parseJSON(outcome.stdout)["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.first?["code"] as? String == "not-utf8")
        #expect(diagnostics.first?["column"] as? Int == 4)
    }

    @Test func anUnreadableManifestExitsTwo() throws {
        try scratch.write("dropin.yml", Self.valid)
        let outcome = try dropin("validate", "--manifest", ".", in: scratch.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr == "error: . is a folder: name the manifest file itself\n")
    }

    @Test(arguments: [["validate", "--format", "xml"], ["validate", "--bogus"], ["frobnicate"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let outcome = try run(dropinBinary, arguments, in: scratch.url)
        #expect(outcome.status == 2)
        #expect(outcome.stderr.contains("Usage:") || outcome.stderr.contains("Error:"))
    }

    @Test func helpExitsZeroOnStandardOutput() throws {
        let outcome = try dropin("--help", in: scratch.url)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("validate"))
    }

    @Test func noColourWhenNotATerminal() throws {
        try scratch.write("dropin.yml", Self.broken)
        let outcome = try run(dropinBinary, ["validate"], in: scratch.url, environment: ["NO_COLOR": nil])
        #expect(!outcome.stderr.contains("\u{1B}["))
    }
}
