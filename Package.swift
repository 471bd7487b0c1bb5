// swift-tools-version:6.0
// synth: synthetic health data from a small, reproducible language.
import PackageDescription

let package = Package(
    name: "synth",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "synth", targets: ["synth"]),
        // The statistics alone, for another package, a fuzz harness or a notebook kernel:
        // tables, models, metrics and reports, with no language and no terminal.
        .library(name: "SynthStatistics", targets: ["SynthCore", "SynthData", "SynthModels", "SynthEval", "SynthReport"]),
        // The language and its interpreter, for a front end other than the command line.
        .library(name: "SynthInterpreter", targets: ["SynthLang", "SynthRuntime"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        // C libraries from the system (Debian: libreadline-dev, zlib1g-dev).
        .systemLibrary(name: "CReadline", path: "Sources/CReadline", providers: [.apt(["libreadline-dev"])]),
        .systemLibrary(name: "CZlib", path: "Sources/CZlib", providers: [.apt(["zlib1g-dev"])]),

        // Ctrl-C as a flag long work polls (a signal handler has to be C to be async-signal-safe).
        .target(name: "CSignals"),

        // The statistics: a plain library, no language, no terminal.
        .target(name: "SynthCore", dependencies: ["CSignals"]),
        .target(name: "SynthData", dependencies: ["SynthCore", "CZlib"]),
        .target(name: "SynthModels", dependencies: ["SynthCore", "SynthData"]),
        .target(name: "SynthEval", dependencies: ["SynthCore", "SynthData", "SynthModels"]),
        .target(name: "SynthReport", dependencies: ["SynthCore", "SynthData", "SynthEval", "SynthModels"]),

        // The language: parsed and tested on text alone.
        .target(name: "SynthLang", dependencies: ["SynthCore"]),

        // The interpreter that joins them, and the command-line front end.
        .target(name: "SynthRuntime", dependencies: [
            "SynthCore", "SynthData", "SynthModels", "SynthEval", "SynthReport", "SynthLang",
        ]),
        .executableTarget(name: "synth", dependencies: [
            "SynthRuntime", "SynthCore", "CReadline",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),

        .testTarget(name: "SynthCoreTests", dependencies: ["SynthCore"]),
        .testTarget(name: "SynthDataTests", dependencies: ["SynthData", "SynthCore"]),
        .testTarget(name: "SynthModelsTests", dependencies: ["SynthModels", "SynthData", "SynthEval"]),
        .testTarget(name: "SynthEvalTests", dependencies: ["SynthEval", "SynthData"], exclude: ["Fixtures"]),
        .testTarget(name: "SynthReportTests", dependencies: ["SynthReport", "SynthEval", "SynthData"]),
        .testTarget(name: "SynthLangTests", dependencies: ["SynthLang"]),
        .testTarget(name: "SynthRuntimeTests", dependencies: ["SynthRuntime"], exclude: ["Golden"]),
    ]
)
