import Content

/// A session read from a file for `--resume`: what to restore, from where,
/// and what the content no longer has.
public struct Resumption: Sendable, Equatable {
    public var session: Session
    /// The file, as an absolute path: saving the answers again offers it.
    public var path: String
    public var dropped: [Session.Dropped]

    public init(session: Session, path: String, dropped: [Session.Dropped]) {
        self.session = session
        self.path = path
        self.dropped = dropped
    }

    /// The settings to open it with: clinician mode if the file was saved in
    /// it (or the command line asks for it); otherwise as given.
    public func settings(_ given: Settings) -> Settings {
        var settings = given
        if session.audience == .clinician { settings.audience = .clinician }
        return settings
    }
}

extension Model {
    /// Everything restored from a session, at the review with "See what the
    /// guidelines say" highlighted. The file counts as saved (the quit
    /// dialog says so until something changes). If anything was left out,
    /// or clinician mode came from the file, a notice says so first.
    mutating func resume(_ resumption: Resumption, _ ctx: Context) {
        let session = resumption.session
        interview = Interview.resumed(session.answers, exactEDSS: ctx.settings.exactEDSS)
        deliberation = session.deliberation
        ticked = session.ticked
        show(&self, ctx)
        savedAnswers = SavedCopy(path: resumption.path, of: self)
        let fromFile = session.audience == .clinician
        resumedFrom = ResumedFrom(path: resumption.path, saved: session.saved, dropped: resumption.dropped, clinicianFromFile: fromFile)
        if !resumption.dropped.isEmpty || fromFile {
            overlay = .resumed
        } else {
            notice = .welcomeBack(resumedFrom!)
        }
    }
}
