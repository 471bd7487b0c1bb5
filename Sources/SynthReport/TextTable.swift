// TextTable: aligned plain-text tables for terminal cells.

import SynthCore

/// A table of text cells rendered with aligned columns and a rule under the header.
public struct TextTable {
    public enum Alignment { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    /// Adds a row; control characters in cells (from data) are escaped so they cannot break
    /// the layout or the terminal.
    public mutating func add(_ row: [String]) { rows.append(row.map(TerminalText.escaped)) }

    /// The rendered table, each line indented by `indent` spaces and ending in a newline.
    public func render(indent: Int = 2) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], cell.count) }
        }
        let pad = String(repeating: " ", count: indent)
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, cell) in cells.enumerated() where i < widths.count {
                let fill = String(repeating: " ", count: widths[i] - cell.count)
                let isLast = i == cells.count - 1
                parts.append(alignments[i] == .right ? fill + cell : (isLast ? cell : cell + fill))
            }
            return pad + parts.joined(separator: "  ") + "\n"
        }
        var out = line(headers)
        out += pad + widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) }
        return out
    }
}
