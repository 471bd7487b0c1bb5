// CSVWriter: encodes a table as RFC 4180 CSV (quoting only when needed) and writes it atomically.

import SynthCore

/// Writes tables as CSV: a header row, "\n" line ends, missing cells empty, cells formatted by
/// `CellFormatter` (dates in the pattern they were read in).
public enum CSVWriter {
    /// Writes `table` to `path` atomically (see `AtomicFile`); Ctrl-C stops it with nothing written.
    @discardableResult
    public static func write(_ table: Table, to path: String) throws -> AtomicFile.Outcome {
        let bytes = encode(table, stopWhenCancelled: true)
        try Cancellation.check()
        return try AtomicFile.write(bytes, to: path)
    }

    /// The CSV bytes of `table`.
    public static func encode(_ table: Table) -> [UInt8] {
        encode(table, stopWhenCancelled: false)
    }

    /// The CSV bytes of `table`; with `stopWhenCancelled`, cut short once Ctrl-C is pressed
    /// (the caller checks and throws them away).
    private static func encode(_ table: Table, stopWhenCancelled: Bool) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(table.rowCount * table.columns.count * 6 + 256)
        for (c, column) in table.columns.enumerated() {
            if c > 0 { out.append(44) }
            append(column.name, to: &out)
        }
        out.append(10)
        // Coded columns: quote each level once, not once per cell.
        let encodedLevels: [[[UInt8]]] = table.columns.map { column in
            column.kind.isCoded ? column.levels.map { level in
                var bytes: [UInt8] = []
                append(level, to: &bytes)
                return bytes
            } : []
        }
        for row in 0..<table.rowCount {
            if stopWhenCancelled && row & 0xFFFF == 0 && Cancellation.isRequested { break }
            for (c, column) in table.columns.enumerated() {
                if c > 0 { out.append(44) }
                guard column.valid[row] else { continue }
                if column.kind.isCoded {
                    let code = Int(column.codes[row])
                    if code >= 0 && code < encodedLevels[c].count { out.append(contentsOf: encodedLevels[c][code]) }
                } else if let text = CellFormatter.text(column, row: row) {
                    append(text, to: &out)
                }
            }
            out.append(10)
        }
        return out
    }

    /// Appends `text`, quoted only when it holds a comma, quote, CR or LF (quotes doubled).
    /// An empty level is written as `""` to tell it apart from a missing cell on sight.
    static func append(_ text: String, to out: inout [UInt8]) {
        let bytes = text.utf8
        if bytes.isEmpty {
            out.append(34); out.append(34)
            return
        }
        let needsQuotes = bytes.contains { $0 == 44 || $0 == 34 || $0 == 10 || $0 == 13 }
        if !needsQuotes {
            out.append(contentsOf: bytes)
            return
        }
        out.append(34)
        for b in bytes {
            out.append(b)
            if b == 34 { out.append(34) }
        }
        out.append(34)
    }
}
