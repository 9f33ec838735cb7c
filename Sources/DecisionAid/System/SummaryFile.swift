// Saving the summary to a file: the aid's only writes (printing, its only
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
    static let tryElsewhere = "Try another folder, like your home folder: \(suggestedPath)"

    // MARK: Saving

    /// Writes `text` to `path` with mode 0600. "~/" is the home folder; a
    /// relative path is from the current folder. An existing file is left
    /// alone (`.exists`) unless `overwrite`, which replaces its contents and
    /// sets it to 0600. Writes nothing else.
    public static func save(_ text: String, to path: String, overwrite: Bool) -> SaveOutcome {
        let typed = path.trimmingSpaces
        guard !typed.isEmpty else {
            return .failed(path: path, message: "No file name was given. Type a file name, like \(suggestedPath)")
        }
        let full = absolute(typed)
        let folder = parentFolder(of: full)
        let name = String(full.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        guard !name.isEmpty, name != ".", name != ".." else {
            return .failed(path: full, message: "\(full) is a folder, not a file name. Add a file name, like \(join(full, "ahsct-summary.txt"))")
        }

        let bytes = Array(text.utf8)
        var fd = open(full, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        var created = fd >= 0
        if fd < 0 && errno == EEXIST {
            var info = stat()
            if lstat(full, &info) == 0 {
                switch info.st_mode & S_IFMT {
                case S_IFDIR:
                    return .failed(path: full, message: "\(full) is a folder, not a file. Add a file name, like \(join(full, "ahsct-summary.txt"))")
                case S_IFLNK:
                    if !overwrite { return .exists(path: full) }
                    return .failed(path: full, message: "\(full) is a link to another file, so it was not replaced. Choose another name. \(tryElsewhere)")
                case S_IFREG:
                    if !overwrite { return .exists(path: full) }
                default:
                    return .failed(path: full, message: "\(full) is not an ordinary file, so it was not replaced. Choose another name. \(tryElsewhere)")
                }
            } else if !overwrite {
                return .exists(path: full)
            }
            // Replace the contents of the existing ordinary file. O_NOFOLLOW and
            // O_NONBLOCK: never write through a link, never wait on a pipe. It is
            // emptied only once it is private (fchmod below), never before.
            fd = open(full, O_WRONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
            created = false
            if fd < 0 { return .failed(path: full, message: openProblem(errno, path: full, folder: folder, exists: true)) }
        } else if fd < 0 {
            return .failed(path: full, message: openProblem(errno, path: full, folder: folder, exists: false))
        }

        // The mode is 0600 whatever the umask: open's mode is narrowed by it.
        if fchmod(fd, 0o600) != 0 {
            let code = errno
            close(fd)
            if created { unlink(full) }
            return .failed(path: full, message: "Could not make \(full) private to you (\(describe(code))), so the summary was not written. \(tryElsewhere)")
        }
        if !created && ftruncate(fd, 0) != 0 {
            let code = errno
            close(fd)
            return .failed(path: full, message: "Could not replace the contents of \(full) (\(describe(code))). \(tryElsewhere)")
        }
        if let code = writeAll(fd, bytes) ?? (fsync(fd) == 0 ? nil : errno) {
            close(fd)
            // A file we made is removed rather than left half written.
            if created { unlink(full) }
            return .failed(path: full, message: writeProblem(code, path: full, folder: folder, created: created))
        }
        if close(fd) != 0 {
            let code = errno
            if created { unlink(full) }
            return .failed(path: full, message: writeProblem(code, path: full, folder: folder, created: created))
        }
        return .saved(path: full)
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

    private static func openProblem(_ code: Int32, path: String, folder: String, exists: Bool) -> String {
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
            return "\(path) is a folder, not a file. Add a file name, like \(join(path, "ahsct-summary.txt"))"
        case ENOSPC:
            return "The disk that holds the folder \(folder) is full. Free some space, or try another disk or folder, like your home folder: \(suggestedPath)"
        case EDQUOT:
            return "You have used all the disk space you are allowed in the folder \(folder). Free some space, or try another folder, like your home folder: \(suggestedPath)"
        case ENAMETOOLONG:
            return "The name \(path) is too long. Choose a shorter name, like \(suggestedPath)"
        case ELOOP:
            return "\(path) is a link, so it was not replaced. Choose another name. \(tryElsewhere)"
        case ENXIO, ETXTBSY:
            return "\(path) is not an ordinary file, so it was not replaced. Choose another name. \(tryElsewhere)"
        default:
            return "Could not save to \(path) (\(describe(code))). \(tryElsewhere)"
        }
    }

    private static func writeProblem(_ code: Int32, path: String, folder: String, created: Bool) -> String {
        let state = created ? "Nothing was saved." : "The file \(path) may now be empty or cut short."
        switch code {
        case ENOSPC:
            return "The disk that holds the folder \(folder) is full. \(state) Free some space, or try another disk or folder, like your home folder: \(suggestedPath)"
        case EDQUOT:
            return "You have used all the disk space you are allowed in the folder \(folder). \(state) Free some space, or try another folder, like your home folder: \(suggestedPath)"
        default:
            return "Could not write to \(path) (\(describe(code))). \(state) \(tryElsewhere)"
        }
    }

    /// nil when every byte was written, else errno.
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Int32? {
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
