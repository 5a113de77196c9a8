// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "dropin",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dropin", targets: ["dropin"]),
        .library(name: "DropinCore", targets: ["DropinCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", "5.0.1"..<"6.0.0"),
    ],
    targets: [
        // The pipeline as a library: model, catalog, validation. No printing, no disk writes.
        .target(name: "DropinCore", dependencies: ["Yams"]),
        // Commands and reporters: everything that talks to a terminal or the file system.
        .target(name: "DropinCLI", dependencies: [
            "DropinCore",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "dropin", dependencies: ["DropinCLI"]),
        .testTarget(name: "DropinCoreTests", dependencies: ["DropinCore"]),
        .testTarget(name: "DropinCLITests", dependencies: ["DropinCLI", "dropin"]),
    ],
    swiftLanguageModes: [.v6]
)
