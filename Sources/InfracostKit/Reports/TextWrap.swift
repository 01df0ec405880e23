/// Prose in the plain-text reports, wrapped for an 80-column terminal (a terminal breaks a long line wherever the
/// column runs out, mid-word). Tables are laid out by `TextTable` and never wrapped.
enum TextWrap {
    /// The columns the text reports are laid out for.
    static let width = 80

    /// `line` (without its newline) broken into lines of at most `width` columns, joined by newlines, only where
    /// `separator` stands (a space, or ", " or " · " between the items of a list, which then ends the broken line as
    /// "," or " ·");
    /// each continuation line starts with `continuation` spaces (default: `line`'s own indent plus two). A piece
    /// longer than a line (a URL) stays whole on a line of its own; a run of spaces (a padded column) is kept.
    /// A line that fits is returned as it is.
    static func hanging(_ line: String, continuation: Int? = nil, separator: String = " ", width: Int = TextWrap.width) -> String {
        guard line.count > width else { return line }
        let indent = line.prefix { $0 == " " }.count
        let pad = String(repeating: " ", count: continuation ?? indent + 2)
        var end = separator
        while end.hasSuffix(" ") { end.removeLast() }
        var lines: [String] = []
        var current = String(line.prefix(indent))
        var started = false
        let pieces = String(line.dropFirst(indent)).components(separatedBy: separator)
        for (index, piece) in pieces.enumerated() {
            // A piece with more after it leaves room for the separator's end, which a break after it would add.
            let room = index == pieces.count - 1 ? 0 : end.count
            if started, !piece.isEmpty, current.count + separator.count + piece.count + room > width {
                while current.hasSuffix(" ") { current.removeLast() }
                lines.append(current + end)
                current = pad + piece
            } else {
                current += (started ? separator : "") + piece
            }
            started = true
        }
        lines.append(current)
        return lines.joined(separator: "\n")
    }

    /// Each line of `text` wrapped by `hanging` (a block of prose lines; not for tables).
    static func lines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { hanging(String($0)) }.joined(separator: "\n")
    }
}
