import Glibc

// Where the program's command line comes from, in the static release build.
//
// The Swift runtime's own answer (CommandLine.cpp in libswiftCore) runs
// before main at every start: it reads /proc/self/maps, line by line with
// sscanf, to learn where the stack is, and then walks back from `environ` to
// argv. That was 130 K instructions and six system calls of every start, the
// largest thing run before main (issue 12). This file defines the one symbol
// the standard library asks that file for, so the linker does not take it
// from libswiftCore.a; the walk is the same, checked without the maps. With
// the runtime as a shared library (debug builds, the tests) the library
// keeps its own and this is not called.
//
// The x86-64 and AArch64 process-start ABIs put, on the stack: argc, then
// argv[0..argc-1], a null, then the environment pointers, which is where
// `environ` points until something changes the environment. Nothing in the
// aid does, and the standard library asks once, when CommandLine.arguments
// is first read at the top of main. The walk is trusted only if every
// pointer between argc and `environ` points above `environ` (the strings
// lie above the pointer arrays) and their number is argc; otherwise the
// command line is read from /proc/self/cmdline instead.

nonisolated(unsafe) private var foundArguments: (argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, argc: Int32)?

@_silgen_name("_swift_stdlib_getUnsafeArgvArgc")
func _swift_stdlib_getUnsafeArgvArgc(_ argc: UnsafeMutablePointer<Int32>) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?> {
    let found = foundArguments ?? argumentsBelowEnvironment() ?? argumentsFromProc()
    foundArguments = found
    argc.pointee = found.argc
    return found.argv
}

/// argv and argc from the start-up stack, below `environ`; nil unless the
/// layout checks out.
private func argumentsBelowEnvironment() -> (argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, argc: Int32)? {
    let environment = environ
    // The environment on the start-up stack lies above this frame, within
    // the stack's size limit; a copy made by setenv would be on the heap.
    var here = 0
    let local = withUnsafeMutablePointer(to: &here) { UInt(bitPattern: $0) }
    let top = UInt(bitPattern: environment)
    guard top > local, top - local < 1 << 30 else { return nil }
    var slot = environment - 1                      // argv's closing null
    guard slot.pointee == nil else { return nil }
    var count = 0
    while true {
        slot -= 1
        let word = UInt(bitPattern: slot.pointee)
        if word > top {                             // an argument string
            count += 1
            if count > 1 << 20 { return nil }
            continue
        }
        // The first word not pointing above the arrays is argc.
        guard word == UInt(count), count > 0 else { return nil }
        return (slot + 1, Int32(count))
    }
}

/// The command line from /proc/self/cmdline (NUL-separated), copied into
/// memory that lives as long as the process.
private func argumentsFromProc() -> (argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, argc: Int32) {
    var bytes: [CChar] = []
    let fd = open("/proc/self/cmdline", O_RDONLY | O_CLOEXEC)
    if fd >= 0 {
        var chunk = [CChar](repeating: 0, count: 4096)
        while true {
            let got = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got > 0 { bytes += chunk[..<got]; continue }
            if got < 0 && errno == EINTR { continue }
            break
        }
        close(fd)
    }
    if let last = bytes.last, last != 0 { bytes.append(0) }
    let strings = UnsafeMutablePointer<CChar>.allocate(capacity: max(bytes.count, 1))
    strings.initialize(from: bytes, count: bytes.count)
    var starts: [Int] = []
    var start = 0
    for (index, byte) in bytes.enumerated() where byte == 0 {
        starts.append(start)
        start = index + 1
    }
    let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: starts.count + 1)
    for (index, offset) in starts.enumerated() { argv[index] = strings + offset }
    argv[starts.count] = nil
    return (argv, Int32(starts.count))
}
