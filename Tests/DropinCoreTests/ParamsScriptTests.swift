@testable import DropinCore
import Foundation
import Testing

/// What params.js may take from a page's address: the security review made a pay-in element
/// show an amount from a link while its token was for another.
struct ParamsScriptTests {
    @Test func moneyAndSecretsComeOnlyFromTheServerAndEachParameterHasItsKind() throws {
        let project = try Project(manifest: """
            version: 1
            environment: sandbox
            token: {url: /t}
            pages:
              - path: pay.html
                title: Pay
                components:
                  - component: dwolla-payin
                    attributes: {customerId: {param: customerId}, blob: {param: blob}, token: {param: token}, amount: {param: amount}}
              - path: vcr.html
                title: Verify
                components:
                  - component: dwolla-personal-vcr
                    attributes: {terms: {param: terms}}
            dwollaWeb: "3.0.0"
            """)
        let built = try project.build()
        #expect(built.succeeded, "\(built.diagnostics.map(\.message))")
        let script = try project.read("site/dropin/params.js")
        for line in [
            #"checks["dwolla-payin amount"] = { kind: "amount", required: false, serverOnly: true, choices: [] };"#,
            #"checks["dwolla-payin blob"] = { kind: "text", required: true, serverOnly: true, choices: [] };"#,
            #"checks["dwolla-payin token"] = { kind: "text", required: true, serverOnly: true, choices: [] };"#,
            #"checks["dwolla-payin customerid"] = { kind: "uuid", required: true, serverOnly: false, choices: [] };"#,
            #"checks["dwolla-personal-vcr terms"] = { kind: "url", required: false, serverOnly: false, choices: [] };"#,
        ] {
            #expect(script.contains(line), "params.js lacks \(line)")
        }
    }
}
