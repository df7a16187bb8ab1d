// swift-tools-version:6.1
import Foundation
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
        .target(name: "CaseloadBenchSupport", dependencies: ["CaseloadCore", "CaseloadConsole", "TerminalKit"]),
        .executableTarget(name: "caseload-bench", dependencies: ["CaseloadBenchSupport", "CaseloadCore", "CaseloadConsole", "TerminalKit"]),
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

// In-process benchmarks (ordo-one/benchmark) live in Benchmarks/ and join the package only when
// asked for, so `swift test` and CI never fetch or build the benchmark framework:
//   CASELOAD_BENCHMARKS=1 swift package benchmark   (see README, "Performance and reliability")
if ProcessInfo.processInfo.environment["CASELOAD_BENCHMARKS"] != nil {
    package.dependencies.append(.package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]))
    package.targets.append(
        .executableTarget(
            name: "CaseloadBenchmarks",
            dependencies: [
                "CaseloadBenchSupport", "CaseloadCore", "CaseloadConsole", "TerminalKit",
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/CaseloadBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ))
}
