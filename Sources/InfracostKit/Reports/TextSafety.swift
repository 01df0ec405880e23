/// Text from other people's files, made safe for the place it lands: a terminal, a spreadsheet, a pull request.
///
/// Offer ids, workload names and file contents are hostile input. A terminal must not receive raw control bytes
/// (ESC starts sequences that clear the screen or set the window title), a spreadsheet must not read a text cell
/// as a formula, and a Markdown table must not be split or extended by a `|` or a newline.
public enum TextSafety {
    /// The text with every control character made visible (`\u{1B}` -> `\e`, others `\xNN`), so it is shown,
    /// never acted on. Printable text, including non-ASCII letters, is unchanged.
    public static func visible(_ text: String) -> String {
        guard !isPlain(text, keepingLineEnds: false) else { return text }
        guard text.unicodeScalars.contains(where: isControl) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if !isControl(scalar) {
                result.unicodeScalars.append(scalar)
            } else if scalar == "\u{1B}" {
                result += "\\e"
            } else if scalar == "\t" {
                result += "\\t"
            } else if scalar == "\n" {
                result += "\\n"
            } else if scalar == "\r" {
                result += "\\r"
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += scalar.value < 0x100 ? "\\x" + (hex.count < 2 ? "0" : "") + hex : "\\u{\(hex)}"
            }
        }
        return result
    }

    /// A whole report for stdout or a file: controls other than line feed, tab and a carriage return before a
    /// line feed (CSV's line end) made visible, so no byte of an offer id or workload name acts on a terminal.
    public static func report(_ text: String) -> String {
        // A whole report is megabytes: scanned as bytes, and copied only when something must be shown.
        guard !isPlain(text, keepingLineEnds: true) else { return text }
        let scalars = Array(text.unicodeScalars)
        func kept(_ index: Int) -> Bool {
            let scalar = scalars[index]
            if !isControl(scalar) || scalar == "\n" || scalar == "\t" { return true }
            return scalar == "\r" && index + 1 < scalars.count && scalars[index + 1] == "\n"
        }
        guard scalars.indices.contains(where: { !kept($0) }) else { return text }
        var result = String.UnicodeScalarView()
        for index in scalars.indices {
            if kept(index) {
                result.append(scalars[index])
            } else {
                result.append(contentsOf: visible(String(scalars[index])).unicodeScalars)
            }
        }
        return String(result)
    }

    /// Whether `text` holds no control `isControl` names (with `keepingLineEnds`, line feeds, tabs and a carriage
    /// return before a line feed are allowed), found from its UTF-8 bytes in one pass. False means "look closer".
    static func isPlain(_ text: String, keepingLineEnds: Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            let count = bytes.count
            while index < count {
                let byte = bytes[index]
                if byte >= 0x20 && byte < 0x7F {
                    index += 1
                    continue
                }
                if byte < 0x20 {
                    guard keepingLineEnds else { return false }
                    if byte == 0x0A || byte == 0x09 || (byte == 0x0D && index + 1 < count && bytes[index + 1] == 0x0A) {
                        index += 1
                        continue
                    }
                    return false
                }
                if byte == 0x7F { return false }
                // C1 controls U+0080...U+009F are C2 80...C2 9F; the bidirectional controls U+202A...U+202E and
                // U+2066...U+2069 are E2 80 AA...AE and E2 81 A6...A9.
                if byte == 0xC2, index + 1 < count, bytes[index + 1] <= 0x9F { return false }
                if byte == 0xE2, index + 2 < count {
                    let second = bytes[index + 1], third = bytes[index + 2]
                    if second == 0x80, (0xAA...0xAE).contains(third) { return false }
                    if second == 0x81, (0xA6...0xA9).contains(third) { return false }
                }
                index += 1
            }
            return true
        }
    }

    /// C0 and C1 controls, DEL, and the bidirectional overrides that reorder what a reader sees.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        return value < 0x20 || value == 0x7F || (0x80...0x9F).contains(value) || (0x202A...0x202E).contains(value)
            || (0x2066...0x2069).contains(value)
    }

    /// At most `limit` characters of a value quoted in a message, with how much was left out: a 100 MB field
    /// must not become 100 MB on stderr.
    public static func excerpt(_ text: String, limit: Int = 80) -> String {
        let shown = visible(String(text.prefix(limit)))
        guard text.count > limit else { return shown }
        return shown + "... (\(text.utf8.count) bytes)"
    }

    /// A CSV text cell that a spreadsheet will not run: a cell starting with `=`, `+`, `-`, `@`, tab or carriage
    /// return gets a leading apostrophe (OWASP's advice). Numbers are not passed here and stay numbers.
    public static func spreadsheetText(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r"].contains(first) else { return text }
        return "'" + text
    }

    /// A Markdown table cell that stays one cell and renders as text: `|` and backslash escaped, newlines and
    /// other controls made visible, HTML, backticks, images and mentions neutralised.
    public static func markdownCell(_ text: String) -> String {
        var result = ""
        for character in visible(text) {
            switch character {
            case "|", "\\", "`", "*", "_", "[", "]", "!", "<", ">", "#", "~": result += "\\" + String(character)
            case "@": result += "@\u{200B}"
            default: result.append(character)
            }
        }
        return result
    }
}
