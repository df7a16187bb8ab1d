// swift-tools-version:6.0
import PackageDescription

// Layers (see README "Architecture"): CaseloadCore knows nothing of terminals; TerminalKit is
// pure value types; only NcursesTerminal imports the C library; the console never does.
let package = Package(
    name: "Caseload",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "caseload", targets: ["caseload"]),
        .executable(name: "caseload-bench", targets: ["caseload-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcursesw",
            path: "Sources/CNcursesw",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(name: "TerminalKit"),
        .target(name: "NcursesTerminal", dependencies: ["TerminalKit", "CNcursesw"]),
        .target(name: "CaseloadCore", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(name: "CaseloadConsole", dependencies: ["CaseloadCore", "TerminalKit"]),
        .target(
            name: "CaseloadCLI",
            dependencies: [
                "CaseloadCore", "CaseloadConsole", "TerminalKit", "NcursesTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(name: "caseload", dependencies: ["CaseloadCLI"]),
        .executableTarget(name: "caseload-bench", dependencies: ["CaseloadCore", "CaseloadConsole", "TerminalKit"]),
        .testTarget(name: "CaseloadCoreTests", dependencies: ["CaseloadCore"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(
            name: "CaseloadConsoleTests",
            dependencies: [
                "CaseloadConsole", "CaseloadCore", "TerminalKit",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"]
        ),
        .testTarget(
            name: "CaseloadCLITests",
            dependencies: [
                "CaseloadCLI", "CaseloadCore",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
    ]
)
