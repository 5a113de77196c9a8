// swift-tools-version:6.1
import Foundation
import PackageDescription

/// scripts/fuzz sets DROPIN_FUZZ=1 to build dropin-fuzz with libFuzzer and AddressSanitizer,
/// instrumenting dropin's own code; every other build ignores it.
let fuzzing = ProcessInfo.processInfo.environment["DROPIN_FUZZ"] == "1"
let fuzzSwift: [SwiftSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address"]), .define("FUZZING")] : []
let fuzzC: [CSetting] = fuzzing ? [.unsafeFlags(["-fsanitize=fuzzer-no-link,address"])] : []
let fuzzLink: [LinkerSetting] = fuzzing ? [.unsafeFlags(["-sanitize=fuzzer,address", "-use-ld=lld"])] : []

let package = Package(
    name: "dropin",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dropin", targets: ["dropin"]),
        .executable(name: "dropin-serve", targets: ["dropin-serve"]),
        .library(name: "DropinCore", targets: ["DropinCore"]),
        .plugin(name: "DropinPlugin", targets: ["DropinCommandPlugin"]),
    ],
    // Exact versions: they decide the bytes a build writes (Package.swift is part of the digest
    // the ownership record's fingerprint holds), and Package.resolved stays out of git here.
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", exact: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        // swift-configuration support is not needed: dropin reads its settings from flags.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1", traits: []),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types", exact: "1.8.0"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/apple/swift-crypto", exact: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", exact: "1.35.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    ],
    targets: [
        // The pipeline as a library: load, validate, plan, render, verify, and compare or write
        // the output. It never prints.
        .target(
            name: "DropinCore",
            dependencies: [
                "Yams", "CPolyglotCheck", "CFileFlags", .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: fuzzSwift,
            plugins: ["EmbedTemplatesPlugin"]),
        // Linux's O_TMPFILE and AT_EMPTY_PATH, which Swift's Glibc module leaves out.
        .target(name: "CFileFlags"),
        // The polyglot HTML check, in C over libxml2's SAX parser.
        .target(name: "CPolyglotCheck", dependencies: ["CLibXML2"], cSettings: fuzzC),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // The token route: allowlist, session check and Dwolla calls. dropin serve runs it, and
        // build writes the same source out for apps (dropin/server/swift/).
        .target(name: "DropinTokenRoute", dependencies: [
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "HTTPTypes", package: "swift-http-types"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
        ]),
        // Commands and reporters: everything that talks to a terminal.
        .target(name: "DropinCLI", dependencies: [
            "DropinCore", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "dropin", dependencies: ["DropinCLI"]),
        // The development server `dropin serve` hands over to: SwiftNIO and Hummingbird stay out
        // of the executable every build and check starts.
        .executableTarget(name: "dropin-serve", dependencies: [
            "DropinCLI", "DropinTokenRoute",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        // The Swift token route as an app mounts it, for the shared route vectors (tests only).
        .executableTarget(name: "token-route-harness", dependencies: [
            "DropinTokenRoute", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        // Templates/ compiled into the binary.
        .plugin(name: "EmbedTemplatesPlugin", capability: .buildTool(), dependencies: ["embed-templates"],
                path: "Sources/EmbedTemplatesPlugin"),
        // `swift package --allow-writing-to-package-directory dropin build` for Swift apps that
        // depend on this package.
        .plugin(
            name: "DropinCommandPlugin",
            capability: .command(
                intent: .custom(verb: "dropin", description: "Run dropin (build, check, validate, ...) on this package's dropin.yml"),
                permissions: [.writeToPackageDirectory(reason: "dropin build writes the output folders dropin.yml names")]),
            path: "Sources/DropinCommandPlugin"),
        .executableTarget(name: "embed-templates"),
        // libFuzzer's target over the pipeline: built by scripts/fuzz with -sanitize=fuzzer.
        .executableTarget(name: "dropin-fuzz", dependencies: ["DropinCore"], swiftSettings: fuzzSwift, linkerSettings: fuzzLink),
        .testTarget(name: "DropinCoreTests", dependencies: [
            "DropinCore", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .testTarget(name: "DropinCLITests", dependencies: [
            "DropinCLI", "dropin", "dropin-serve", "token-route-harness", .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
        ]),
    ],
    swiftLanguageModes: [.v6]
)
