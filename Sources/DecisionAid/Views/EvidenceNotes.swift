import Content

/// What the Evidence page adds to each study: the options it speaks to and
/// how sure its findings are as a GRADE level with the reason.
enum EvidenceNotes {
    /// " (about: AHSCT, Other drug; GRADE low)" after a study's name in the list.
    static func listTag(_ study: Study, _ ctx: Context) -> String {
        var parts: [String] = []
        let names = study.options.compactMap { ctx.content.option($0)?.short }
        if !names.isEmpty { parts.append("about: " + names.joined(separator: ", ")) }
        if let grade = study.grade { parts.append("GRADE " + grade.level.words) }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: "; ") + ")"
    }

    /// The "About" and "How sure" lines of a study's detail.
    static func detail(_ study: Study, _ ctx: Context, _ width: Int) -> [Line] {
        var lines: [Line] = []
        let names = study.options.compactMap { ctx.content.option($0)?.name }
        if !names.isEmpty {
            lines += paragraph("About: " + names.joined(separator: "; "), width: width, hanging: 7)
        }
        if let grade = study.grade {
            lines += paragraph("How sure: " + grade.line, width: width, hanging: 10)
        }
        return lines
    }
}
