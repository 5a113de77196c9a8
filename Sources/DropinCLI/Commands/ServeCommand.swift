import ArgumentParser

/// `dropin serve`: checks its options, then hands over to `dropin-serve`, which builds and
/// serves. The server lives in its own executable so that SwiftNIO and Hummingbird load only
/// when serving, not in every build and check.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build, then serve the output folder and the token route, for development.",
        discussion: """
        The token route takes client tokens from Dwolla with DWOLLA_KEY and DWOLLA_SECRET from the \
        environment, for the customer --customer-id names (standing in for your app's session). \
        With --fake-dwolla it answers tokens itself: no credentials, no network. It builds again \
        when the manifest or a template changes, and the open pages reload; while the manifest is \
        broken, the pages show its errors. The server is the dropin-serve executable, installed \
        beside dropin.
        """)

    @OptionGroup var options: ServeOptions

    func run() throws {
        try ServerExecutable.replaceProcess(arguments: options.arguments)
    }
}
