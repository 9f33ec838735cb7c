import Foundation
import Testing
@testable import DecisionAid

/// What a 5,000-character paste costs the program itself at 200×60, without
/// a terminal: decoding, update for every key, and the one frame the loop
/// draws for the whole batch. Printed as a figure; the bound only catches a
/// pathological slowdown.
struct PasteBenchmarkTests {
    @Test func aPasteIsDecodedUpdatedAndDrawnOnce() {
        var m = atFirstQuestion(Size(width: 200, height: 60))
        let bytes = Array(String(repeating: "1234567890", count: 500).utf8)

        let started = Date()
        var decoder = InputDecoder()
        let keys = decoder.feed(bytes) + decoder.flush()
        // The run loop's own batch handling, as the program does it.
        let going = InteractiveAid.handle(keys.map(Msg.key), &m, testContext) { _ in nil }
        let frame = Views.render(m, testContext).frame
        let batch = Date().timeIntervalSince(started)

        #expect(keys.count == 5000)
        #expect(going)
        #expect(m.draft == "123456789012", "the age field keeps 12 characters")
        #expect(frame.text.contains("123456789012"))

        // The old loop drew a frame after every key: what one frame costs.
        let one = Date()
        for _ in 0..<50 { _ = Views.render(m, testContext).frame }
        let perFrame = Date().timeIntervalSince(one) / 50
        print("paste figure: 5,000 keys decoded, updated and drawn once at 200x60 in \(String(format: "%.1f", batch * 1000)) ms; one frame costs \(String(format: "%.2f", perFrame * 1000)) ms to render, so a frame per key would be \(String(format: "%.1f", perFrame * 5000)) s before the terminal even gets the bytes")
        #expect(batch < 5)
    }

    /// The same into the save-as text field (200 characters at most), where
    /// each key also checks the field's length.
    @Test func aPasteIntoTheFileNameField() {
        var m = walkStrongPerson()
        m.size = Size(width: 200, height: 60)
        press(&m, .end, .enter, .character("s"))
        #expect(m.overlay == .saveAs)
        let keys = String(repeating: "abcdefghij", count: 500).map { Msg.key(.character($0)) }
        let started = Date()
        _ = InteractiveAid.handle(keys, &m, testContext) { _ in nil }
        _ = Views.render(m, testContext).frame
        let took = Date().timeIntervalSince(started)
        print("paste figure: 5,000 keys into the file name field at 200x60, handled and drawn once in \(String(format: "%.1f", took * 1000)) ms")
        #expect(m.draft.count == 200)
        #expect(took < 5)
    }
}

/// The loop's batch handling: in order, an effect's outcome before the next
/// message, and nothing after quit.
struct BatchHandlingTests {
    @Test func aSaveOutcomeIsHandledBeforeTheNextKey() {
        var m = walkStrongPerson()
        press(&m, .end, .enter, .character("s"))
        var performed: [Effect] = []
        let batch: [Msg] = [.key(.enter), .key(.tab)]
        let going = InteractiveAid.handle(batch, &m, testContext) { effect in
            performed.append(effect)
            if case .save(_, let path, _) = effect { return .saved(.saved(path: path)) }
            return nil
        }
        #expect(going)
        #expect(performed.count == 1)
        // The notice came from the outcome, then Tab (the next key) put it away and moved on.
        #expect(m.notice == nil)
        #expect(m.page == .results(.options))
        #expect(m.draft == "", "the outcome was handled (it empties the name) before Tab")
    }

    @Test func nothingAfterQuit() {
        var m = Model(size: Size(width: 80, height: 24))
        let going = InteractiveAid.handle([.key(.character("q")), .key(.enter)], &m, testContext) { _ in
            Issue.record("no effect but quit expected")
            return nil
        }
        #expect(!going)
        #expect(m.page == .welcome, "Enter after quit was not handled")
    }
}
