// TEMPORARY stubs until the views land.
enum OptionsView {
    static func isNarrow(width: Int) -> Bool { width < 96 }
    static func rowCount(_ ctx: Context) -> Int { ctx.content.grid.count }
    static func body(current: Int, answers: Answers, ctx: Context, g: Glyphs, width: Int) -> [Line] { [Line("Options")] }
}
enum NumbersView {
    static func body(answers: Answers, assessment: Assessment, ctx: Context, g: Glyphs, width: Int) -> [Line] { [Line("Numbers")] }
}
