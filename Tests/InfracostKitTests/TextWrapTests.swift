import Testing
@testable import InfracostKit

/// `TextWrap` breaks the text reports' prose at 80 columns where a reader expects it, never inside a word.
@Suite struct TextWrapTests {
    @Test func aLineThatFitsIsUnchanged() {
        let line = "  month: 730 h" + String(repeating: " ", count: 3)
        #expect(TextWrap.hanging(line) == line)
        let eighty = String(repeating: "x", count: 80)
        #expect(TextWrap.hanging(eighty) == eighty)
    }

    @Test func breaksAtSpacesWithAHangingIndent() {
        // 2 + 9 words of 7 characters and spaces: "  aaaaaaa ..." runs 2 + 9 x 8 - 1 = 73 columns, the tenth word
        // would end at 81, so it opens the second line, indented 2 + 2.
        let words = (0..<12).map { String(repeating: Character(UnicodeScalar(97 + $0)!), count: 7) }
        let wrapped = TextWrap.hanging("  " + words.joined(separator: " "))
        let lines = wrapped.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.count == 2)
        #expect(lines[0] == "  " + words[0..<9].joined(separator: " "))
        #expect(lines[1] == "    " + words[9...].joined(separator: " "))
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func aWordLongerThanALineStaysWhole() {
        let url = "https://example.com/" + String(repeating: "p", count: 90)
        let wrapped = TextWrap.hanging("  source: " + url + " as of 2026-07-01")
        #expect(wrapped == "  source:\n    " + url + "\n    as of 2026-07-01")
    }

    @Test func aPaddedColumnKeepsItsSpacesAndListsBreakAtTheirSeparator() {
        let line = "replica time" + String(repeating: " ", count: 24) + "loading 1.6% · serving 78.2% · idle 20.2% · keep-warm 0.0%"
        let wrapped = TextWrap.hanging(line, continuation: 36, separator: " · ")
        #expect(wrapped == "replica time" + String(repeating: " ", count: 24) + "loading 1.6% · serving 78.2% · idle 20.2% ·\n"
            + String(repeating: " ", count: 36) + "keep-warm 0.0%")
    }

    /// A list broken at ", " ends each broken line with its comma, and the comma fits the 80 columns too.
    @Test func aListLineKeepsRoomForItsComma() {
        // k pieces on the first line take 2 + 2k + 2(k - 1) columns and the comma after them one more: 4k + 1,
        // so 19 pieces make 77 columns and 20 would make 81 with their comma.
        let items = (0..<30).map { _ in "ab" }
        let wrapped = TextWrap.hanging("  " + items.joined(separator: ", "), continuation: 2, separator: ", ")
        let lines = wrapped.split(separator: "\n").map(String.init)
        #expect(lines.allSatisfy { $0.count <= 80 }, "\(lines.map(\.count))")
        #expect(lines.dropLast().allSatisfy { $0.hasSuffix("ab,") })
        #expect(lines.joined(separator: " ").replacingOccurrences(of: "  ", with: " ").split(separator: ",").count == 30)
        #expect(lines[0].count == 77)
    }
}
