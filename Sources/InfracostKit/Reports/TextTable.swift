/// A plain-text table with left- or right-aligned columns, two spaces apart.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]) {
        self.headers = headers
        self.alignments = alignments
    }

    /// This table with `rows` as its rows.
    public func with(rows: [[String]]) -> TextTable {
        var copy = self
        copy.rows = rows
        return copy
    }

    /// The table as lines (header, rule, rows), trailing spaces removed.
    public func render(indent: String = "") -> String {
        // Cells come from other people's files: control bytes are shown, never sent to the terminal.
        let all = ([headers] + rows).map { $0.map(TextSafety.visible) }
        let widths = headers.indices.map { column in all.map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let padded = cells.enumerated().map { index, cell in
                let fill = String(repeating: " ", count: widths[index] - cell.count)
                return alignments[index] == .left ? cell + fill : fill + cell
            }
            return indent + padded.joined(separator: "  ").trimmingTrailingSpaces()
        }
        var lines = [line(all[0])]
        let rule = zip(headers, widths).map { header, width in String(repeating: header.isEmpty ? " " : "-", count: width) }
        lines.append((indent + rule.joined(separator: "  ")).trimmingTrailingSpaces())
        lines += all.dropFirst().map(line)
        return lines.joined(separator: "\n") + "\n"
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
