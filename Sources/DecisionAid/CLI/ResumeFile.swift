import Content
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `decision-aid --resume FILE`: the file is read and checked before the
/// screen opens, and only read (never written, moved or locked), so a file
/// the aid cannot open is left exactly as it was.
enum ResumeFile {
    /// Why the file cannot be resumed: one line for standard error, and the
    /// exit status (2 for a file that is missing or not a session; 74 when
    /// reading it failed part way).
    struct Refusal: Error, Equatable {
        var message: String
        var status: Int32 = ExitStatus.badInput
    }

    static func read(_ path: String, content: ContentSet) throws(Refusal) -> Resumption {
        let shown = "'\(path.echoed(limit: 200))'"
        let unchanged = " The file has not been changed."
        let bytes: [UInt8]
        switch BoundedRead.file(SummaryFile.absolute(path), limit: Session.sizeLimit) {
        case .data(let data):
            bytes = data
        case .tooLarge:
            throw Refusal(message: "--resume: \(shown) holds more than 1 MB, so it is not a file of saved answers (they are a few KB)." + unchanged)
        case .notAFile:
            throw Refusal(message: "--resume: \(shown) is not an ordinary file; give the file you saved your answers in with s.")
        case .failed(let code) where code == ENOENT || code == ENOTDIR:
            throw Refusal(message: "--resume: \(shown) does not exist; give the file you saved your answers in with s.")
        case .failed(let code) where code == EACCES || code == EPERM:
            throw Refusal(message: "--resume: you do not have permission to read \(shown).")
        case .failed(let code) where code == EISDIR:
            throw Refusal(message: "--resume: \(shown) is a folder; give the file you saved your answers in with s.")
        case .failed(let code):
            throw Refusal(message: "--resume: cannot read \(shown) (\(StreamFailure.reason(code))).", status: ExitStatus.ioError)
        }
        do {
            let (session, dropped) = try Session.decode(bytes, file: path, content: content)
            return Resumption(session: session, path: SummaryFile.absolute(path), dropped: dropped)
        } catch {
            let what = error.isNewerVersion ? "cannot open" : "cannot open the saved answers in"
            let place = error.line == nil ? "" : " (\(error.place))"
            throw Refusal(message: "--resume: \(what) \(shown)\(place): \(error.message)." + unchanged)
        }
    }
}
