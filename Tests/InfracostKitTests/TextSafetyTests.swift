import Testing
@testable import InfracostKit

/// `TextSafety` decides from UTF-8 bytes whether text needs a closer look; every control it names must still be
/// made visible, and printable text (non-ASCII too) must pass unchanged.
@Suite struct TextSafetyTests {
    @Test(arguments: [
        ("a\u{1B}[2Jb", "a\\e[2Jb"),            // ESC clearing the screen
        ("a\u{7F}b", "a\\x7Fb"),                 // DEL
        ("a\u{85}b", "a\\x85b"),                 // C1 next line, C2 85 in UTF-8
        ("a\u{9B}b", "a\\x9Bb"),                 // C1 CSI, C2 9B
        ("a\u{202E}b", "a\\u{202E}b"),           // right-to-left override, E2 80 AE
        ("a\u{202A}b", "a\\u{202A}b"),           // left-to-right embedding, E2 80 AA
        ("a\u{2066}b", "a\\u{2066}b"),           // left-to-right isolate, E2 81 A6
        ("a\u{2069}b", "a\\u{2069}b"),           // pop directional isolate, E2 81 A9
        ("a\tb\nc", "a\\tb\\nc"),
    ])
    func controlsAreMadeVisible(_ text: String, _ shown: String) {
        #expect(TextSafety.visible(text) == shown)
    }

    @Test(arguments: ["plain id/x-1", "prix 2,00 €", "café — naïve", "\u{A0}\u{2029}\u{2065}\u{202F}"])
    func printableTextIsUnchanged(_ text: String) {
        #expect(TextSafety.visible(text) == text)
        #expect(TextSafety.report(text) == text)
    }

    @Test func reportKeepsLineEndsAndShowsTheRest() {
        #expect(TextSafety.report("a,b\r\nc\td\n") == "a,b\r\nc\td\n")
        #expect(TextSafety.report("a\rb\n") == "a\\rb\n")
        #expect(TextSafety.report("id \u{1B}]0;x\u{07}\n") == "id \\e]0;x\\x07\n")
        #expect(TextSafety.report("x\u{202E}y\n") == "x\\u{202E}y\n")
    }
}
