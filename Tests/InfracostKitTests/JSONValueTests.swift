import Testing

@testable import InfracostKit

struct JSONValueTests {
    func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue { try JSONValue.parse(Array(text.utf8)) }

    @Test func keepsNumbersAsTheirExactText() throws {
        let value = try parse(#"{"a": 0.0014, "b": 1.5e9, "c": -0}"#)
        #expect(value["a"] == .number("0.0014"))
        #expect(value["b"] == .number("1.5e9"))
        #expect(value["c"] == .number("-0"))
    }

    @Test func recordsTheLineOfEachMember() throws {
        guard case .object(let members) = try parse("{\n  \"a\": 1,\n\n  \"b\": [\n    2\n  ]\n}") else {
            Issue.record("not an object")
            return
        }
        #expect(members.map(\.line) == [2, 4])
    }

    @Test func decodesEscapesAndSurrogatePairs() throws {
        #expect(try parse(#""a\"b\\c\n\u00e9\ud83d\ude00""#) == .string("a\"b\\c\né😀"))
    }

    @Test(arguments: [
        ("", 1, "the file is empty"),
        ("{\"a\": 1,", 1, "the JSON ends early inside an object (truncated file?)"),
        ("{\"a\": 1, \"a\": 2}", 1, "duplicate key \"a\""),
        ("{\n\"a\": 01}", 2, "a number may not have leading zeros"),
        ("[1, 2", 1, "the JSON ends early inside an array (truncated file?)"),
        ("{\"a\": tru}", 1, "unexpected text; expected true"),
        ("\u{FEFF}{}", 1, "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM"),
        ("{} x", 1, "unexpected text after the end of the JSON document"),
        ("\"abc", 1, "a string is not closed (truncated file?)"),
        ("{\"a\": NaN}", 1, "unexpected character 'N'"),
    ])
    func reportsSyntaxErrorsWithTheirLine(text: String, line: Int, reason: String) {
        do throws(JSONSyntaxError) {
            _ = try parse(text)
            Issue.record("parsed: \(text)")
        } catch {
            #expect(error.line == line)
            #expect(error.reason == reason)
        }
    }

    @Test func rejectsInvalidUTF8InStrings() {
        #expect(throws: JSONSyntaxError.self) { try JSONValue.parse([0x22, 0xFF, 0xFE, 0x22]) }
    }

    @Test func refusesNestingDeeperThan256Levels() {
        let deep = String(repeating: "[", count: 300) + String(repeating: "]", count: 300)
        #expect(throws: JSONSyntaxError.self) { try parse(deep) }
        let fine = String(repeating: "[", count: 200) + String(repeating: "]", count: 200)
        #expect((try? parse(fine)) != nil)
    }

    @Test func writesWhatItReads() throws {
        let text = #"{"a": [1, "x\"y", null, true], "b": {"c": 0.0014}}"#
        let value = try parse(text)
        #expect(try parse(JSONWriter.string(value)).withoutLines == value.withoutLines)
    }
}

extension JSONValue {
    /// The same value with every line set to 0, to compare values built in code with parsed ones.
    var withoutLines: JSONValue {
        switch self {
        case .array(let elements): return .array(elements.map { Element(value: $0.value.withoutLines, line: 0) })
        case .object(let members): return .object(members.map { Member(key: $0.key, value: $0.value.withoutLines, line: 0) })
        default: return self
        }
    }
}
