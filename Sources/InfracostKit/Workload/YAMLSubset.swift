import Foundation

/// Reads the part of YAML that configuration files use into a `JSONValue`, keeping line numbers and exact numbers.
///
/// Supported: block mappings and sequences by indentation (spaces), `- key: value` items, flow lists `[a, b]`
/// and flow maps `{a: 1}` on one line, plain, single- and double-quoted scalars, `true`/`false`, `null`/`~`,
/// comments and a leading `---`. Refused with a message: tabs in indentation, anchors and aliases, tags, block
/// scalars (`|`, `>`), complex keys and duplicate keys. A workload file needs nothing more, and a small reader of
/// our own keeps the library on Foundation alone.
public enum YAMLSubset {
    /// Parses a YAML document.
    /// - Throws: `JSONSyntaxError` with the line of the problem.
    /// The deepest nesting of blocks or flow collections read (as for JSON, a bound on the work and the stack).
    public static let maximumDepth = 64

    /// `text` read as the YAML subset into a JSON value; throws with the line of the first problem.
    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONValue {
        var lines: [Line] = []
        // "\r\n" is one Character in Swift, so split on the line feed's Unicode scalar, not on Characters:
        // a Windows or autocrlf checkout reads like any other.
        for (index, raw) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = String(raw)
            if line.hasSuffix("\r") { line.removeLast() }
            if number == 1, line.hasPrefix("\u{FEFF}") {
                throw JSONSyntaxError(line: 1, column: 1, reason: "the file starts with a byte-order mark (BOM); save it as UTF-8 without BOM")
            }
            let content = try stripComment(line, line: number)
            if content.trimmingYAMLSpaces().isEmpty { continue }
            if number == lines.count + 1, content == "---", lines.isEmpty { continue }
            let indent = content.prefix { $0 == " " }.count
            if content.dropFirst(indent).first == "\t" {
                throw JSONSyntaxError(line: number, column: indent + 1, reason: "tabs are not allowed in indentation; use spaces")
            }
            lines.append(Line(number: number, indent: indent, text: String(content.dropFirst(indent))))
        }
        guard !lines.isEmpty else { throw JSONSyntaxError(line: 1, column: 1, reason: "the file is empty") }
        var parser = Parser(lines: lines)
        let value = try parser.block(indent: lines[0].indent)
        if parser.position < lines.count {
            let line = lines[parser.position]
            throw JSONSyntaxError(line: line.number, column: line.indent + 1, reason: "unexpected indentation")
        }
        return value
    }

    struct Line {
        var number: Int
        var indent: Int
        var text: String
    }

    /// Removes a `#` comment that is not inside quotes, and trailing spaces.
    static func stripComment(_ line: String, line number: Int) throws(JSONSyntaxError) -> String {
        // Most lines have no '#': only trailing spaces to drop, without rebuilding the line character by character.
        if !line.utf8.contains(UInt8(ascii: "#")) {
            var end = line.endIndex
            while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
            return end == line.endIndex ? line : String(line[..<end])
        }
        var result = ""
        var quote: Character?
        var previous: Character = " "
        for character in line {
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "#", previous == " " || previous == "\t" {
                break
            }
            result.append(character)
            previous = character
        }
        while result.last == " " { result.removeLast() }
        return result
    }

    struct Parser {
        var lines: [Line]
        var position = 0
        var depth = 0

        mutating func block(indent: Int) throws(JSONSyntaxError) -> JSONValue {
            let first = lines[position]
            depth += 1
            defer { depth -= 1 }
            if depth > YAMLSubset.maximumDepth {
                throw JSONSyntaxError(line: first.number, column: first.indent + 1, reason: "nesting deeper than \(YAMLSubset.maximumDepth) levels")
            }
            if first.text == "-" || first.text.hasPrefix("- ") { return try sequence(indent: indent) }
            return try mapping(indent: indent)
        }

        mutating func sequence(indent: Int) throws(JSONSyntaxError) -> JSONValue {
            var elements: [JSONValue.Element] = []
            while position < lines.count, lines[position].indent == indent,
                  lines[position].text == "-" || lines[position].text.hasPrefix("- ") {
                let line = lines[position]
                let rest = String(line.text.dropFirst(1).drop { $0 == " " })
                if rest.isEmpty {
                    position += 1
                    guard position < lines.count, lines[position].indent > indent else {
                        elements.append(.init(value: .null, line: line.number))
                        continue
                    }
                    elements.append(.init(value: try block(indent: lines[position].indent), line: line.number))
                } else if keySeparator(rest) != nil, !rest.hasPrefix("["), !rest.hasPrefix("{") {
                    // "- key: value" starts a mapping whose other keys sit where "key" does.
                    // The line is rewritten in place (it is not read again once passed): no copy of the lines,
                    // so a list of n items is read in linear time.
                    let childIndent = indent + (line.text.count - rest.count)
                    lines[position] = Line(number: line.number, indent: childIndent, text: rest)
                    depth += 1
                    defer { depth -= 1 }
                    if depth > YAMLSubset.maximumDepth {
                        throw JSONSyntaxError(line: line.number, column: line.indent + 1, reason: "nesting deeper than \(YAMLSubset.maximumDepth) levels")
                    }
                    elements.append(.init(value: try mapping(indent: childIndent), line: line.number))
                } else {
                    elements.append(.init(value: try scalarOrFlow(rest, line: line.number, column: line.indent + 3), line: line.number))
                    position += 1
                }
            }
            return .array(elements)
        }

        mutating func mapping(indent: Int) throws(JSONSyntaxError) -> JSONValue {
            var members: [JSONValue.Member] = []
            var seen = Set<String>()
            while position < lines.count, lines[position].indent == indent {
                let line = lines[position]
                if line.text == "-" || line.text.hasPrefix("- ") {
                    throw JSONSyntaxError(line: line.number, column: indent + 1, reason: "a list item where a 'key: value' line was expected")
                }
                guard let colon = keySeparator(line.text) else {
                    throw JSONSyntaxError(line: line.number, column: indent + 1, reason: "expected 'key: value'")
                }
                let rawKey = String(line.text[..<colon])
                if rawKey.hasPrefix("? ") { throw JSONSyntaxError(line: line.number, column: indent + 1, reason: "complex keys ('? ') are not supported") }
                let key = try unquote(rawKey.trimmingYAMLSpaces(), line: line.number, column: indent + 1)
                if !seen.insert(key).inserted {
                    throw JSONSyntaxError(line: line.number, column: indent + 1, reason: "duplicate key \"\(key)\"")
                }
                let rest = String(line.text[line.text.index(after: colon)...].drop { $0 == " " })
                position += 1
                if rest.isEmpty {
                    if position < lines.count, lines[position].indent > indent {
                        members.append(.init(key: key, value: try block(indent: lines[position].indent), line: line.number))
                    } else if position < lines.count, lines[position].indent == indent,
                              lines[position].text == "-" || lines[position].text.hasPrefix("- ") {
                        // "key:" followed by a list at the same indentation.
                        members.append(.init(key: key, value: try sequence(indent: indent), line: line.number))
                    } else {
                        members.append(.init(key: key, value: .null, line: line.number))
                    }
                } else {
                    members.append(.init(key: key, value: try scalarOrFlow(rest, line: line.number, column: indent + line.text.count - rest.count + 1), line: line.number))
                }
            }
            return .object(members)
        }

        /// The index of the `: ` (or final `:`) that ends a key, outside quotes and brackets.
        func keySeparator(_ text: String) -> String.Index? {
            var quote: Character?
            var depth = 0
            var index = text.startIndex
            while index < text.endIndex {
                let character = text[index]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "[" || character == "{" {
                    depth += 1
                } else if character == "]" || character == "}" {
                    depth -= 1
                } else if character == ":", depth == 0 {
                    let next = text.index(after: index)
                    if next == text.endIndex || text[next] == " " { return index }
                }
                index = text.index(after: index)
            }
            return nil
        }

        func scalarOrFlow(_ text: String, line: Int, column: Int) throws(JSONSyntaxError) -> JSONValue {
            if let first = text.first, "&*!|>%@`".contains(first) {
                let what: String
                switch first {
                case "&", "*": what = "anchors and aliases"
                case "!": what = "tags"
                case "|", ">": what = "block scalars ('|', '>')"
                default: what = "'\(first)' at the start of a value"
                }
                throw JSONSyntaxError(line: line, column: column, reason: "\(what) are not supported; write the value out")
            }
            if text.hasPrefix("[") || text.hasPrefix("{") {
                var flow = Flow(characters: Array(text), line: line, column: column)
                let value = try flow.value()
                flow.skipSpaces()
                if flow.index != flow.characters.count {
                    throw JSONSyntaxError(line: line, column: column + flow.index, reason: "unexpected text after a flow collection")
                }
                return value
            }
            return try scalar(text, line: line, column: column)
        }
    }

    /// A one-line flow collection: `[a, "b", 3]`, `{key: value}`.
    struct Flow {
        let characters: [Character]
        let line: Int
        let column: Int
        var index = 0
        var depth = 0

        mutating func skipSpaces() {
            while index < characters.count, characters[index] == " " { index += 1 }
        }

        mutating func value() throws(JSONSyntaxError) -> JSONValue {
            skipSpaces()
            guard index < characters.count else { throw JSONSyntaxError(line: line, column: column + index, reason: "a flow collection is not closed") }
            depth += 1
            defer { depth -= 1 }
            if depth > YAMLSubset.maximumDepth {
                throw JSONSyntaxError(line: line, column: column + index, reason: "nesting deeper than \(YAMLSubset.maximumDepth) levels")
            }
            if characters[index] == "[" {
                index += 1
                var elements: [JSONValue.Element] = []
                skipSpaces()
                if index < characters.count, characters[index] == "]" {
                    index += 1
                    return .array([])
                }
                while true {
                    elements.append(.init(value: try value(), line: line))
                    skipSpaces()
                    guard index < characters.count else { throw JSONSyntaxError(line: line, column: column + index, reason: "a flow list is not closed with ']'") }
                    if characters[index] == "," {
                        index += 1
                        continue
                    }
                    if characters[index] == "]" {
                        index += 1
                        return .array(elements)
                    }
                    throw JSONSyntaxError(line: line, column: column + index, reason: "expected ',' or ']' in a flow list")
                }
            }
            if characters[index] == "{" {
                index += 1
                var members: [JSONValue.Member] = []
                while true {
                    skipSpaces()
                    if index < characters.count, characters[index] == "}" {
                        index += 1
                        return .object(members)
                    }
                    let keyStart = index
                    while index < characters.count, characters[index] != ":" { index += 1 }
                    guard index < characters.count else { throw JSONSyntaxError(line: line, column: column + index, reason: "expected 'key: value' in a flow map") }
                    let key = try unquote(String(characters[keyStart..<index]).trimmingYAMLSpaces(), line: line, column: column + keyStart)
                    if members.contains(where: { $0.key == key }) {
                        throw JSONSyntaxError(line: line, column: column + keyStart, reason: "duplicate key \"\(key)\"")
                    }
                    index += 1
                    members.append(.init(key: key, value: try value(), line: line))
                    skipSpaces()
                    if index < characters.count, characters[index] == "," { index += 1 }
                }
            }
            // A scalar inside a flow collection ends at ',', ']' or '}' outside quotes.
            let start = index
            var quote: Character?
            while index < characters.count {
                let character = characters[index]
                if let open = quote {
                    if character == open { quote = nil }
                } else if character == "\"" || character == "'" {
                    quote = character
                } else if character == "," || character == "]" || character == "}" {
                    break
                }
                index += 1
            }
            return try scalar(String(characters[start..<index]).trimmingYAMLSpaces(), line: line, column: column + start)
        }
    }

    static func unquote(_ text: String, line: Int, column: Int) throws(JSONSyntaxError) -> String {
        if text.hasPrefix("\""), text.count >= 2, text.hasSuffix("\"") {
            do {
                guard case .string(let value) = try JSONValue.parse(Array(text.utf8)) else { return text }
                return value
            } catch {
                throw JSONSyntaxError(line: line, column: column, reason: "bad double-quoted string: \(error.reason)")
            }
        }
        if text.hasPrefix("'"), text.count >= 2, text.hasSuffix("'") {
            return String(text.dropFirst().dropLast()).replacingOccurrences(of: "''", with: "'")
        }
        if text.hasPrefix("\"") || text.hasPrefix("'") {
            throw JSONSyntaxError(line: line, column: column, reason: "a quoted string is not closed")
        }
        return text
    }

    static func scalar(_ text: String, line: Int, column: Int) throws(JSONSyntaxError) -> JSONValue {
        if text.hasPrefix("\"") || text.hasPrefix("'") { return .string(try unquote(text, line: line, column: column)) }
        switch text {
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case "null", "Null", "NULL", "~", "": return .null
        default: break
        }
        if isNumber(text) { return .number(text.hasPrefix("+") ? String(text.dropFirst()) : text) }
        return .string(text)
    }

    /// Whether a plain scalar is a YAML number (decimal, optional sign, fraction and exponent).
    static func isNumber(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        let digits = bytes.prefix { (0x30...0x39).contains($0) }
        guard !digits.isEmpty else { return false }
        bytes = bytes.dropFirst(digits.count)
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let fraction = bytes.prefix { (0x30...0x39).contains($0) }
            guard !fraction.isEmpty else { return false }
            bytes = bytes.dropFirst(fraction.count)
        }
        if let e = bytes.first, e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            bytes = bytes.dropFirst()
            if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
            let exponent = bytes.prefix { (0x30...0x39).contains($0) }
            guard !exponent.isEmpty else { return false }
            bytes = bytes.dropFirst(exponent.count)
        }
        return bytes.isEmpty
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs (and other Unicode space separators), as
    /// `trimmingCharacters(in: .whitespaces)` but without bridging to NSString (which made 60,000 workloads slow).
    func trimmingYAMLSpaces() -> String {
        func isSpace(_ scalar: Unicode.Scalar) -> Bool {
            scalar == " " || scalar == "\t" || scalar.properties.generalCategory == .spaceSeparator
        }
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last, isSpace(first) || isSpace(last) else { return self }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, isSpace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isSpace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
