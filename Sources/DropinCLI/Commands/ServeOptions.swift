import ArgumentParser
import Foundation

/// `dropin serve`'s options. `dropin` parses them to answer --help and reject bad values at
/// once; `dropin-serve`, which does the serving, parses the same ones again.
package struct ServeOptions: ParsableArguments {
    @OptionGroup package var manifestOption: ManifestOption

    @Option(help: "The deployment to serve; the manifest's first sandbox deployment when left out.")
    package var deployment: String?

    @Option(help: "The address to listen on.")
    package var host = "127.0.0.1"

    @Option(help: "The port to listen on; 0 picks a free one.")
    package var port = 8080

    @Option(name: .customLong("customer-id"), help: "The signed-in customer, in place of your app's session.")
    package var customerId: String?

    @Option(name: .customLong("dwolla-api"), help: "Dwolla's API base URL, instead of the environment's.")
    package var dwollaAPI: String?

    @Option(name: .customLong("dwolla-timeout"), help: "Seconds to wait for Dwolla before answering 502.")
    package var dwollaTimeout: Double = 10

    @Flag(name: .customLong("fake-dwolla"), help: "Answer client tokens locally, for previews without credentials.")
    package var fakeDwolla = false

    @Option(name: .customLong("allow-host"), help: "A host name to answer besides localhost and --host (repeatable).")
    package var allowedHosts: [String] = []

    @Option(name: .customLong("payin-destination"),
            help: "A pending pay-in's funding source (id or href), standing in for your checkout; needs --customer-id and --payin-amount.")
    package var payinDestination: String?

    @Option(name: .customLong("payin-amount"), help: "The pending pay-in's amount in US dollars, such as 25.00.")
    package var payinAmount: String?

    @Flag(inversion: .prefixedNo, help: "Build again when the manifest or a template changes, and reload the open pages.")
    package var watch = true

    @Option(name: .customLong("rate-limit"), help: "Token requests a session may make per minute; 0 turns the limit off.")
    package var rateLimit = 60

    package init() {}

    package func validate() throws {
        if let customerId, UUID(uuidString: customerId) == nil {
            throw ValidationError("--customer-id must be a Dwolla customer ID (a UUID)")
        }
        if let dwollaAPI, URL(string: dwollaAPI)?.scheme == nil {
            throw ValidationError("--dwolla-api must be a URL such as https://api-sandbox.dwolla.com")
        }
        if (payinDestination == nil) != (payinAmount == nil) || (payinDestination != nil && customerId == nil) {
            throw ValidationError("a pending pay-in needs --payin-destination, --payin-amount and --customer-id together")
        }
        if !(0.1...600).contains(dwollaTimeout) {
            throw ValidationError("--dwolla-timeout must be a number of seconds from 0.1 to 600")
        }
        if rateLimit < 0 {
            throw ValidationError("--rate-limit must be 0 (off) or more")
        }
    }

    /// The same options as a command line, for handing over to `dropin-serve`.
    package var arguments: [String] {
        var arguments = ["--manifest", manifestOption.manifest, "--host", host, "--port", String(port),
                         "--dwolla-timeout", String(dwollaTimeout)]
        if let deployment { arguments += ["--deployment", deployment] }
        if let customerId { arguments += ["--customer-id", customerId] }
        if let dwollaAPI { arguments += ["--dwolla-api", dwollaAPI] }
        if fakeDwolla { arguments.append("--fake-dwolla") }
        for host in allowedHosts { arguments += ["--allow-host", host] }
        if let payinDestination, let payinAmount {
            arguments += ["--payin-destination", payinDestination, "--payin-amount", payinAmount]
        }
        arguments += ["--rate-limit", String(rateLimit), watch ? "--watch" : "--no-watch"]
        return arguments
    }
}
