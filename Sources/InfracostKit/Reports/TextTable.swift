/// A plain-text table with left- or right-aligned columns, two spaces apart.
public struct TextTable: Sendable {
    /// How a column's cells line up.
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    /// A table with these column headers and one alignment per column (as many as headers).
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
    ///
    /// Built as bytes in one pass over the cells (a comparison of 100,000 offers has 700,000 of them); a cell's
    /// width is its number of characters, counted once.
    public func render(indent: String = "") -> String {
        // Cells come from other people's files: control bytes are shown, never sent to the terminal.
        let all = ([headers] + rows).map { $0.map(TextSafety.visible) }
        let columns = headers.count
        var cellWidths: [Int] = []
        cellWidths.reserveCapacity(all.count * columns)
        var widths = [Int](repeating: 0, count: columns)
        for row in all {
            for column in 0..<columns {
                let width = column < row.count ? TextTable.width(row[column]) : 0
                cellWidths.append(width)
                widths[column] = max(widths[column], width)
            }
        }
        var output: [UInt8] = []
        output.reserveCapacity(all.count * (widths.reduce(indent.utf8.count) { $0 + $1 + 2 } + 1))
        func pad(_ count: Int) {
            if count > 0 { output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count)) }
        }
        func line(_ cells: [String], _ row: Int) {
            let start = output.count
            output.append(contentsOf: indent.utf8)
            for column in 0..<columns {
                if column > 0 { pad(2) }
                let cell = column < cells.count ? cells[column] : ""
                let fill = widths[column] - cellWidths[row * columns + column]
                if alignments[column] == .right { pad(fill) }
                output.append(contentsOf: cell.utf8)
                if alignments[column] == .left { pad(fill) }
            }
            while output.count > start, output[output.count - 1] == UInt8(ascii: " ") { output.removeLast() }
            output.append(UInt8(ascii: "\n"))
        }
        line(all[0], 0)
        let rule = zip(headers, widths).map { header, width in String(repeating: header.isEmpty ? " " : "-", count: width) }
        let start = output.count
        output.append(contentsOf: (indent + rule.joined(separator: "  ")).utf8)
        while output.count > start, output[output.count - 1] == UInt8(ascii: " ") { output.removeLast() }
        output.append(UInt8(ascii: "\n"))
        for row in 1..<all.count { line(all[row], row) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The characters in `cell`: its byte count when it is ASCII (most cells), without walking graphemes.
    static func width(_ cell: String) -> Int {
        cell.utf8.allSatisfy { $0 < 0x80 } ? cell.utf8.count : cell.count
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var text = self
        while text.last == " " { text.removeLast() }
        return text
    }
}
