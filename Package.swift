// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "decision-aid",
    products: [
        .executable(name: "decision-aid", targets: ["decision-aid"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The only C: ncursesw, wrapped so Swift 6 can use it (see shim.h).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),

        // What the aid says: models, YAML loading, validation. The YAML in
        // Assets/content is compiled into this module by EmbedContentPlugin so
        // the binary needs no files beside it.
        .target(
            name: "Content",
            dependencies: [.product(name: "Yams", package: "Yams")],
            path: "Sources/Content",
            plugins: ["EmbedContentPlugin"]
        ),

        // What the aid does: answers, rules, assessment, renderers, commands, screens.
        .target(
            name: "DecisionAid",
            dependencies: [
                "Content", "CNcurses",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            path: "Sources/DecisionAid"
        ),

        .executableTarget(name: "decision-aid", dependencies: ["DecisionAid"], path: "Sources/decision-aid"),

        // Build-time helper: turns Assets/content/*.yaml into Swift string literals.
        .executableTarget(name: "content-embedder", path: "Sources/content-embedder"),
        .plugin(
            name: "EmbedContentPlugin",
            capability: .buildTool(),
            dependencies: ["content-embedder"],
            path: "Sources/EmbedContentPlugin"
        ),

        .testTarget(name: "ContentTests", dependencies: ["Content"], path: "Tests/ContentTests"),
        .testTarget(
            name: "DecisionAidTests", dependencies: ["DecisionAid", "Content"], path: "Tests/DecisionAidTests",
            exclude: ["Goldens"]
        ),
        // The real binary in tmux; needs `swift build` first (the README's test command does it).
        .testTarget(name: "EndToEndTests", path: "Tests/EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
