// Saving the summary, or the person's answers to finish later (a session,
// Session.swift), to a file: the aid's only writes (printing, its only
// child process, is in Printer.swift). Plain POSIX calls, so the file's mode
// and the errors are exactly what we ask for.

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// What happened when saving the summary.
public enum SaveOutcome: Equatable, Sendable {
    /// Written, readable and writable by the owner only (mode 0600).
    case saved(path: String)
    /// A file is there already and overwrite was not asked for; it was not touched.
    case exists(path: String)
    /// Not saved; the message says why and what to do, in plain words.
    case failed(path: String, message: String)
}

/// What happened when printing the summary.
public enum PrintOutcome: Equatable, Sendable {
    /// lp took the job; the text says so with lp's own words.
    case sent(String)
    /// Not printed; the text says why and what to do instead.
    case failed(String)
}

public enum SummaryFile {

    /// The name suggested in messages.
    public static let suggestedPath = "~/ahsct-summary.txt"
    static func tryElsewhere(_ name: String) -> String { "Try another folder, like your home folder: ~/\(name)" }

    // MARK: Saving

    /// Writes `text` to `path` with mode 0600. "~/" is the home folder; a
    /// relative path is from the current folder. An existing file is left
    /// alone (`.exists`) unless `overwrite`: then the summary is written to a
    /// private temporary file in the same folder and renamed over it, so the
    /// old file stays whole whatever fails (a full disk, a size limit) and
    /// no partial file is left behind. Writes nothing else.
    /// `example` is the file name messages suggest (the answers' is ahsct-answers.json).
    public static func save(_ text: String, to path: String, overwrite: Bool, example: String = "ahsct-summary.txt") -> SaveOutcome {
        save(text, to: path, overwrite: overwrite, example: example, write: writeAll)
    }

    /// `write` returns nil or errno; tests pass one that fails part way, as a full disk does.
    static func save(_ text: String, to path: String, overwrite: Bool, example: String = "ahsct-summary.txt",
                     write: (Int32, [UInt8]) -> Int32?) -> SaveOutcome {
        let tryElsewhere = tryElsewhere(example)
        let typed = path.trimmingSpaces
        guard !typed.isEmpty else {
            return .failed(path: path, message: "No file name was given. Type a file name, like ~/\(example)")
        }
        let full = absolute(typed)
        let folder = parentFolder(of: full)
        let name = String(full.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        guard !name.isEmpty, name != ".", name != ".." else {
            return .failed(path: full, message: "\(full) is a folder, not a file name. Add a file name, like \(join(full, example))")
        }
        let bytes = Array(text.utf8)

        var info = stat()
        if lstat(full, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                return .failed(path: full, message: "\(full) is a folder, not a file. Add a file name, like \(join(full, example))")
            case S_IFLNK:
                if !overwrite { return .exists(path: full) }
                return .failed(path: full, message: "\(full) is a link to another file, so it was not replaced. Choose another name. \(tryElsewhere)")
            case S_IFREG:
                if !overwrite { return .exists(path: full) }
                // A file the person made read-only is not theirs to replace here.
                if access(full, W_OK) != 0 {
                    return .failed(path: full, message: openProblem(errno, path: full, folder: folder, exists: true, example: example))
                }
                return replace(full, folder: folder, with: bytes, example: example, write: write)
            default:
                return .failed(path: full, message: "\(full) is not an ordinary file, so it was not replaced. Choose another name. \(tryElsewhere)")
            }
        }

        // A new file, made with O_EXCL: a file that appears meanwhile is never written over.
        let fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        if fd < 0 {
            if errno == EEXIST { return .exists(path: full) }
            return .failed(path: full, message: openProblem(errno, path: full, folder: folder, exists: false, example: example))
        }
        return finish(fd, written: full, folder: folder, bytes: bytes, example: example, write: write) { .saved(path: full) }
    }

    /// Writes a temporary file beside `full` (mkstemp: O_EXCL, 0600) and renames it over `full`.
    private static func replace(_ full: String, folder: String, with bytes: [UInt8], example: String, write: (Int32, [UInt8]) -> Int32?) -> SaveOutcome {
        var template = Array(join(folder, ".ahsct-summary-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        if fd < 0 {
            return .failed(path: full, message: openProblem(errno, path: full, folder: folder, exists: false, example: example) + " \(full) was not changed.")
        }
        _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return finish(fd, written: temporary, folder: folder, bytes: bytes, example: example, write: write, replacing: full) {
            guard rename(temporary, full) == 0 else {
                let code = errno
                unlink(temporary)
                return .failed(path: full, message: "Could not replace \(full) (\(describe(code))). It was not changed. \(tryElsewhere(example))")
            }
            // Make the rename itself last through a power cut.
            let directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            if directory >= 0 { _ = fsync(directory); close(directory) }
            return .saved(path: full)
        }
    }

    /// Makes `fd` (the file at `written`) private, writes, syncs and closes
    /// it, then calls `done`. On any failure the file at `written` is removed.
    private static func finish(_ fd: Int32, written: String, folder: String, bytes: [UInt8], example: String, write: (Int32, [UInt8]) -> Int32?,
                               replacing: String? = nil, done: () -> SaveOutcome) -> SaveOutcome {
        let shown = replacing ?? written
        // The mode is 0600 whatever the umask: open's mode is narrowed by it.
        if fchmod(fd, 0o600) != 0 {
            let code = errno
            close(fd)
            unlink(written)
            return .failed(path: shown, message: "Could not make \(shown) private to you (\(describe(code))), so nothing was written. \(tryElsewhere(example))")
        }
        if let code = write(fd, bytes) ?? (fsync(fd) == 0 ? nil : errno) {
            close(fd)
            unlink(written)
            return .failed(path: shown, message: writeProblem(code, path: shown, folder: folder, replacing: replacing != nil, example: example))
        }
        if close(fd) != 0 {
            let code = errno
            unlink(written)
            return .failed(path: shown, message: writeProblem(code, path: shown, folder: folder, replacing: replacing != nil, example: example))
        }
        return done()
    }

    /// "~/x" -> "$HOME/x"; "x" -> "$PWD/x"; "/x" stays.
    static func absolute(_ path: String) -> String {
        if path == "~" { return home() }
        if path.hasPrefix("~/") { return join(home(), String(path.dropFirst(2))) }
        if path.hasPrefix("/") { return path }
        return join(currentFolder(), path)
    }

    static func home() -> String {
        if let value = getenv("HOME"), value.pointee != 0 { return String(cString: value) }
        if let entry = getpwuid(getuid()), let dir = entry.pointee.pw_dir { return String(cString: dir) }
        return "/"
    }

    static func currentFolder() -> String {
        guard let cwd = getcwd(nil, 0) else { return "." }
        defer { free(cwd) }
        return String(cString: cwd)
    }

    static func join(_ folder: String, _ name: String) -> String {
        folder.hasSuffix("/") ? folder + name : folder + "/" + name
    }

    /// The folder a file would go in ("/a/b/c.txt" -> "/a/b", "/c.txt" -> "/").
    static func parentFolder(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        let folder = trimmed[..<slash]
        return folder.isEmpty ? "/" : String(folder)
    }

    private static func isFolder(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
    }

    private static func openProblem(_ code: Int32, path: String, folder: String, exists: Bool, example: String) -> String {
        let tryElsewhere = tryElsewhere(example)
        switch code {
        case ENOENT:
            if isFolder(folder) {
                return "Could not create \(path) in the folder \(folder) (\(describe(code))). \(tryElsewhere)"
            }
            return "The folder \(folder) does not exist. \(tryElsewhere)"
        case ENOTDIR:
            return "Part of \(folder) is a file, not a folder, so \(path) cannot be made. \(tryElsewhere)"
        case EACCES, EPERM:
            if exists { return "You do not have permission to change the file \(path). \(tryElsewhere)" }
            return "You do not have permission to save files in the folder \(folder). \(tryElsewhere)"
        case EROFS:
            return "The folder \(folder) is on a disk that is read-only. \(tryElsewhere)"
        case EISDIR:
            return "\(path) is a folder, not a file. Add a file name, like \(join(path, example))"
        case ENOSPC:
            return "The disk that holds the folder \(folder) is full. Free some space, or try another disk or folder, like your home folder: ~/\(example)"
        case EDQUOT:
            return "You have used all the disk space you are allowed in the folder \(folder). Free some space, or try another folder, like your home folder: ~/\(example)"
        case ENAMETOOLONG:
            return "The name \(path) is too long. Choose a shorter name, like ~/\(example)"
        case ELOOP:
            return "\(path) is a link, so it was not replaced. Choose another name. \(tryElsewhere)"
        case ENXIO, ETXTBSY:
            return "\(path) is not an ordinary file, so it was not replaced. Choose another name. \(tryElsewhere)"
        default:
            return "Could not save to \(path) (\(describe(code))). \(tryElsewhere)"
        }
    }

    private static func writeProblem(_ code: Int32, path: String, folder: String, replacing: Bool, example: String) -> String {
        let tryElsewhere = tryElsewhere(example)
        let state = replacing ? "The file \(path) was not changed." : "Nothing was saved."
        switch code {
        case ENOSPC:
            return "The disk that holds the folder \(folder) is full. \(state) Free some space, or try another disk or folder, like your home folder: ~/\(example)"
        case EDQUOT:
            return "You have used all the disk space you are allowed in the folder \(folder). \(state) Free some space, or try another folder, like your home folder: ~/\(example)"
        case EFBIG:
            return "\(describe(code)): the file would be larger than this system allows. \(state) \(tryElsewhere)"
        default:
            return "Could not write to \(path) (\(describe(code))). \(state) \(tryElsewhere)"
        }
    }

    /// nil when every byte was written, else errno.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
        var done = 0
        while done < bytes.count {
            let n = bytes[done...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                return errno
            }
            done += n
        }
        return nil
    }

    static func describe(_ code: Int32) -> String {
        String(cString: strerror(code))
    }
}

extension StringProtocol {
    /// Without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
