// swift-tools-version:6.0
import PackageDescription

// Linux only: the terminal code is written against glibc's ncursesw
// (Sources/CNcurses), so no Apple platform is claimed.

// How the release build of decision-aid is linked, so that it starts small
// and fast (issue 12; measured with scripts/startup-measure, README "Release
// build and speed"). Debug builds and the other programs are linked as usual.
// - Each function in its own section, and lld placing the functions the start
//   runs side by side (Sources/decision-aid/startup.order, written by
//   scripts/startup-profile --order): Linux maps a binary 64 KB at a time, so
//   start-up code spread over the whole binary made most of it resident.
// - Fully static and position-independent (-static-pie; -static-executable
//   makes swiftc pick the static Swift libraries even without
//   --static-swift-stdlib): libc, libm, ncursesw, tinfo, libstdc++ and libgcc
//   are linked in, so there is no program loader, no library to look up,
//   map or relocate at every start (the loader was a fifth of the first
//   frame's instructions), and no library to find or plant beside the
//   binary. The kernel still loads it at a random address. It needs only a
//   Linux kernel (3.2 or newer), the terminfo files and the locale files.
// - Packed relative relocations (RELR): the relocation table shrinks from
//   650 KB to a few KB; the start applies them itself.
// - Debug sections compressed (zlib): 19.6 MB unstripped becomes 15.5 MB;
//   they are never loaded, and valgrind and gdb read them as they are.
// - No Swift concurrency runtime: the aid is one thread plus a print thread
//   it starts itself (pthread), so its modules do not import _Concurrency,
//   and neither it nor libdispatch (which it pulls in, and which sets itself
//   up at every start) is linked: 0.7 MB smaller, fewer pages written at load.
// - No Regex module either (_StringProcessing, also imported by default): a
//   megabyte of code and 50 KB of data rewritten at load, for two plain-text
//   operations (DecisionAid/Core/StringReplacing.swift does them).
// - The release binary finds its own command line (Sources/decision-aid/
//   Arguments.swift), so the runtime's finder, which reads /proc/self/maps
//   before main, is not linked.
let root = String(#filePath.dropLast("/Package.swift".count))
let sectionPerFunction: [SwiftSetting] = [
    .unsafeFlags(["-Xfrontend", "-function-sections", "-Xfrontend", "-disable-concrete-type-metadata-mangled-name-accessors"], .when(configuration: .release)),
    .unsafeFlags(["-Xfrontend", "-disable-implicit-concurrency-module-import",
                  "-Xfrontend", "-disable-implicit-string-processing-module-import"]),
]
let startupLink: [LinkerSetting] = [.unsafeFlags([
    "-use-ld=lld",
    "-Xlinker", "--symbol-ordering-file=\(root)/Sources/decision-aid/startup.order", "-Xlinker", "--no-warn-symbol-ordering",
    "-static-executable", "-Xclang-linker", "-static-pie", "-ltinfo",
    "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
    "-Xlinker", "--no-export-dynamic",
    "-Xlinker", "--compress-debug-sections=zlib",
], .when(configuration: .release))]

let package = Package(
    name: "decision-aid",
    products: [
        // The aid people run: no YAML reader, no Foundation of any kind.
        .executable(name: "decision-aid", targets: ["decision-aid"]),
        // The same program plus the YAML reader, for reviewers: check-content DIR
        // and --content DIR (preview edited content without rebuilding).
        .executable(name: "decision-aid-content", targets: ["decision-aid-content"]),
    ],
    dependencies: [
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
    ],
    targets: [
        // The only C: ncursesw, wrapped so Swift 6 can use it (see shim.h).
        .systemLibrary(name: "CNcurses", path: "Sources/CNcurses"),

        // What the aid says: models, limits, validation, reading grade. Plain
        // Swift: no YAML, no Foundation. Its two subfolders are targets of their own.
        .target(
            name: "Content",
            path: "Sources/Content",
            exclude: ["YAML", "BuiltIn"],
            swiftSettings: sectionPerFunction
        ),

        // Reading content from YAML with file:line problems (Yams, Foundation),
        // and writing it back out as Swift source. Used at build time by
        // content-compiler, and by decision-aid-content and the tests; never
        // linked into decision-aid.
        .target(
            name: "ContentYAML",
            dependencies: ["Content", .product(name: "Yams", package: "Yams")],
            path: "Sources/Content/YAML"
        ),

        // The content built into the program as Swift values: CompileContentPlugin
        // reads Assets/content at build time (a content problem fails the build,
        // named file:line) and writes it here, so nothing is parsed at run time.
        .target(
            name: "BuiltInContent",
            dependencies: ["Content"],
            path: "Sources/Content/BuiltIn",
            // Without the object outliner, the content's constant lists are
            // built when their part is first read, not kept as ready-made
            // objects in the binary's data, whose pointers the loader would
            // rewrite at every start (52 KB of data, about 14 page faults).
            swiftSettings: sectionPerFunction + [.unsafeFlags(["-Xllvm", "-sil-disable-pass=object-outliner"], .when(configuration: .release))],
            plugins: ["CompileContentPlugin"]
        ),

        // What the aid does: answers, rules, assessment, renderers, commands, screens.
        .target(
            name: "DecisionAid",
            // No swift-argument-parser and no Foundation: the command line is
            // read by hand (CLI/ArgumentCheck.swift), JSON written by hand
            // (Output/JSONValue.swift), so the aid starts small (issue 12).
            dependencies: ["Content", "BuiltInContent", "CNcurses"],
            path: "Sources/DecisionAid",
            swiftSettings: sectionPerFunction
        ),

        .executableTarget(
            name: "decision-aid", dependencies: ["DecisionAid"], path: "Sources/decision-aid",
            exclude: ["startup.order"], swiftSettings: sectionPerFunction, linkerSettings: startupLink
        ),
        .executableTarget(
            name: "decision-aid-content", dependencies: ["DecisionAid", "ContentYAML"], path: "Sources/decision-aid-content"
        ),

        // Build-time: checks Assets/content/*.yaml and writes it as Swift values.
        .executableTarget(name: "content-compiler", dependencies: ["ContentYAML"], path: "Sources/content-compiler"),
        .plugin(
            name: "CompileContentPlugin",
            capability: .buildTool(),
            dependencies: ["content-compiler"],
            path: "Sources/CompileContentPlugin"
        ),

        .testTarget(name: "ContentTests", dependencies: ["Content", "ContentYAML", "BuiltInContent"], path: "Tests/ContentTests"),
        .testTarget(
            name: "DecisionAidTests", dependencies: ["DecisionAid", "Content", "ContentYAML", "BuiltInContent"],
            path: "Tests/DecisionAidTests",
            exclude: ["Goldens"]
        ),
        // The real binaries in tmux; needs `swift build` first (the README's test command does it).
        .testTarget(name: "EndToEndTests", path: "Tests/EndToEndTests"),
    ],
    swiftLanguageModes: [.v6]
)
