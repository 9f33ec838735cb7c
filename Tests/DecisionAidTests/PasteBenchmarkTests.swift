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
        for key in keys { _ = update(&m, .key(key), testContext) }
        let frame = Views.render(m, testContext).frame
        let batch = Date().timeIntervalSince(started)

        #expect(keys.count == 5000)
        #expect(m.draft == "123456789012", "the age field keeps 12 characters")
        #expect(frame.text.contains("123456789012"))

        // The old loop drew a frame after every key: what one frame costs.
        let one = Date()
        for _ in 0..<50 { _ = Views.render(m, testContext).frame }
        let perFrame = Date().timeIntervalSince(one) / 50
        print("paste figure: 5,000 keys decoded, updated and drawn once at 200x60 in \(String(format: "%.1f", batch * 1000)) ms; one frame costs \(String(format: "%.2f", perFrame * 1000)) ms to render, so a frame per key would be \(String(format: "%.1f", perFrame * 5000)) s before the terminal even gets the bytes")
        #expect(batch < 5)
    }
}
