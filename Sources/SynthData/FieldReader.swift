// FieldReader: one column's fields out of the shared tokenized buffer, with missing-token tests.

/// The tokenized file that every column is typed from; shared read-only across threads.
struct CSVSource: Sendable {
    var bytes: [UInt8]
    /// First byte after a BOM.
    var base: Int
    var fields: CSVFields
    var path: String
    var missing: [[UInt8]]
}

/// Reads one column's fields out of the shared buffer, unescaping doubled quotes on demand.
struct FieldReader {
    let buffer: UnsafeBufferPointer<UInt8>
    let source: CSVSource
    let column: Int
    let rows: Int
    /// This column's field ranges, gathered once so the typing passes read contiguous memory.
    private let starts: UnsafeMutablePointer<UInt32>
    private let ends: UnsafeMutablePointer<UInt32>
    private var scratch: UnsafeMutablePointer<UInt8>?
    private var scratchCapacity = 0
    /// Missing tokens of up to 8 bytes packed little-endian into words, compared without a loop
    /// over arrays of arrays (which would retain and release per field); longer tokens apart.
    private let shortMissing: UnsafeMutableBufferPointer<UInt64>
    private let shortLengths: UnsafeMutableBufferPointer<Int>
    private let longMissing: [[UInt8]]

    init(buffer: UnsafeBufferPointer<UInt8>, source: CSVSource, column: Int) {
        self.buffer = buffer
        self.source = source
        self.column = column
        let stride = source.fields.columnCount
        let rows = max(0, source.fields.rowCount - 1)
        self.rows = rows
        let short = source.missing.filter { $0.count <= 8 }
        shortMissing = .allocate(capacity: short.count)
        shortLengths = .allocate(capacity: short.count)
        for (k, token) in short.enumerated() {
            var packed: UInt64 = 0
            for (j, byte) in token.enumerated() { packed |= UInt64(byte) << (8 * UInt64(j)) }
            shortMissing[k] = packed
            shortLengths[k] = token.count
        }
        longMissing = source.missing.filter { $0.count > 8 }
        starts = .allocate(capacity: max(1, rows))
        ends = .allocate(capacity: max(1, rows))
        source.fields.starts.withUnsafeBufferPointer { all in
            for r in 0..<rows { starts[r] = all[(r + 1) * stride + column] }
        }
        source.fields.ends.withUnsafeBufferPointer { all in
            for r in 0..<rows { ends[r] = all[(r + 1) * stride + column] }
        }
    }

    mutating func release() {
        scratch?.deallocate()
        starts.deallocate()
        ends.deallocate()
        shortMissing.deallocate()
        shortLengths.deallocate()
    }

    /// The bytes of data row `row` as (pointer, start, end).
    @inline(__always)
    mutating func field(_ row: Int) -> (UnsafePointer<UInt8>, Int, Int) {
        let rawStart = starts[row]
        let end = Int(ends[row])
        // The buffer holds at least the header row (the tokenizer refuses an empty file), so it
        // has a base address.
        if rawStart & CSVFields.escapedBit == 0 {
            return (buffer.baseAddress!, Int(rawStart), end)
        }
        let start = Int(rawStart & ~CSVFields.escapedBit)
        if scratchCapacity < end - start {
            scratch?.deallocate()
            scratchCapacity = max(64, (end - start) * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
        // An escaped field holds a doubled quote, so end - start >= 2 and scratch was allocated.
        let count = CSVReader.unescape(buffer.baseAddress!, start, end, into: scratch!)
        return (UnsafePointer(scratch!), 0, count)
    }

    /// Whether the field spells one of the missing-value tokens.
    @inline(__always)
    func isMissing(_ p: UnsafePointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let length = e - s
        if length <= 8 {
            if shortMissing.count == 0 { return false }
            var packed: UInt64 = 0
            for k in 0..<length { packed |= UInt64(p[s + k]) << (8 * UInt64(k)) }
            for k in 0..<shortMissing.count where shortLengths[k] == length && shortMissing[k] == packed { return true }
            return false
        }
        for token in longMissing where token.count == length {
            var same = true
            for k in 0..<length where token[k] != p[s + k] { same = false; break }
            if same { return true }
        }
        return false
    }

    /// The located error for a value that cannot become `kind`.
    mutating func conversionError(row: Int, name: String, kind: ColumnKind) -> DataError {
        error(row: row, "column '\(name)': cannot read '\(text(row))' as \(kind.rawValue)")
    }

    /// The text of data row `row`'s field.
    mutating func text(_ row: Int) -> String {
        let (p, s, e) = field(row)
        return String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
    }

    /// `message` located at data row `row`'s field.
    func error(row: Int, _ message: String) -> DataError {
        let offset = Int(starts[row] & ~CSVFields.escapedBit)
        let (line, col) = TextPosition.locate(buffer, base: source.base, offset: offset)
        return .malformed(path: source.path, line: line, column: col, message: message)
    }
}
