import Foundation
import Testing

/// The README never lies: every `console` block's `$ infracost ...` commands run against the built binary, and
/// their stdout must match what the README shows. `INFRACOST_RECORD_README=1` rewrites the blocks instead.
struct ReadmeTests {
    static let readme = CLI.root.appendingPathComponent("README.md")

    struct Example {
        var command: String
        var expected: String
    }

    /// Splits a command line into words, honouring single and double quotes.
    static func words(_ line: String) -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for character in line {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
                inWord = true
            } else if character == " " {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if inWord { words.append(current) }
        return words
    }

    /// The examples of every console block, in order, with the line ranges of the blocks.
    static func examples(in text: String) -> [(range: Range<Int>, examples: [Example])] {
        let lines = text.components(separatedBy: "\n")
        var blocks: [(Range<Int>, [Example])] = []
        var index = 0
        while index < lines.count {
            guard lines[index] == "```console" else {
                index += 1
                continue
            }
            let start = index + 1
            var end = start
            while end < lines.count, lines[end] != "```" { end += 1 }
            var examples: [Example] = []
            for line in lines[start..<end] {
                if line.hasPrefix("$ ") {
                    examples.append(Example(command: String(line.dropFirst(2)), expected: ""))
                } else if !examples.isEmpty {
                    examples[examples.count - 1].expected += line + "\n"
                }
            }
            blocks.append((start..<end, examples))
            index = end + 1
        }
        return blocks
    }

    static func trimmed(_ text: String) -> String {
        var text = text
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }

    @Test func everyConsoleExampleMatchesTheBinary() throws {
        let text = try String(contentsOf: Self.readme, encoding: .utf8)
        let blocks = Self.examples(in: text)
        #expect(blocks.flatMap(\.examples).count >= 5, "the README should show its examples")
        var lines = text.components(separatedBy: "\n")
        for (range, examples) in blocks.reversed() {
            var recorded: [String] = []
            for example in examples {
                let words = Self.words(example.command)
                try #require(words.first == "infracost", "README example does not start with infracost: \(example.command)")
                let result = try CLI.run(Array(words.dropFirst()))
                #expect(Self.trimmed(result.stdout) == Self.trimmed(example.expected), "README example differs: $ \(example.command)")
                recorded.append("$ " + example.command)
                recorded += Self.trimmed(result.stdout).components(separatedBy: "\n")
            }
            lines.replaceSubrange(range, with: recorded)
        }
        if ProcessInfo.processInfo.environment["INFRACOST_RECORD_README"] == "1" {
            try lines.joined(separator: "\n").write(to: Self.readme, atomically: true, encoding: .utf8)
        }
    }

    @Test func splitsQuotedWords() {
        #expect(Self.words(#"infracost compare --tokens "2B" --baseline 'a b'"#) == ["infracost", "compare", "--tokens", "2B", "--baseline", "a b"])
    }
}
