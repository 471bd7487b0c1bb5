// CSVTokenizer: an RFC 4180 state machine that splits a byte buffer into field byte ranges.

/// The fields of a delimited buffer as byte ranges, row-major, the header row first.
///
/// A start with `CSVFields.escapedBit` set marks a quoted field holding doubled quotes, whose
/// bytes must be unescaped before use. Ranges of quoted fields exclude the surrounding quotes.
struct CSVFields: Sendable {
    static let escapedBit: UInt32 = 0x8000_0000

    var starts: [UInt32] = []
    var ends: [UInt32] = []
    /// Fields per row (the header's count).
    var columnCount = 0
    /// The offset where tokenizing stopped: past the last row's line end, or the end of input.
    var stop = 0
    /// Rows including the header.
    var rowCount: Int { columnCount == 0 ? 0 : starts.count / columnCount }
}

/// Splits delimited text into fields; every malformation is a located `DataError.malformed`.
///
/// A line ends at LF, CRLF or a lone CR (old Mac exports); inside quotes each is content.
enum CSVTokenizer {
    static let quote = UInt8(ascii: "\"")
    static let newline = UInt8(ascii: "\n")
    static let carriage = UInt8(ascii: "\r")
    /// Bytes between two looks at `isCancelled`: a few milliseconds of work.
    static let cancelInterval = 1 << 20

    /// Tokenizes `bytes[base...]` (at most `limit` rows, the header included); `path` names
    /// the file in errors. Throws `CancellationError` once `isCancelled` says so.
    static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, delimiter: UInt8, path: String,
                         limit: Int = Int.max, isCancelled: () -> Bool = { false }) throws -> CSVFields {
        let n = bytes.count
        guard n < Int(CSVFields.escapedBit) else {
            throw DataError.cannotRead(path: path, reason: "file larger than 2 GB")
        }
        func fail(_ offset: Int, _ message: String, columnToo: Bool = true) -> DataError {
            let (line, column) = TextPosition.locate(bytes, base: base, offset: offset)
            return DataError.malformed(path: path, line: line, column: columnToo ? column : 0, message: message)
        }
        guard n > base else { throw DataError.malformed(path: path, line: 1, column: 0, message: "empty file: a header row is required") }
        let p = bytes.baseAddress!  // n > base >= 0: the buffer is not empty
        var fields = CSVFields()
        // A rough guess (8 bytes per field) saves most reallocation.
        fields.starts.reserveCapacity((n - base) / 8 + 16)
        fields.ends.reserveCapacity((n - base) / 8 + 16)
        var expected = -1
        var i = base
        var nextCheck = base + cancelInterval
        var rowStart = base
        var inRow = 0
        while i < n {
            // At the start of a record: skip blank lines in multi-column files.
            if inRow == 0 {
                rowStart = i
                if expected != 1 {
                    if p[i] == newline { i += 1; continue }
                    if p[i] == carriage { i += i + 1 < n && p[i + 1] == newline ? 2 : 1; continue }
                }
            }
            var start: UInt32
            var end: UInt32
            if p[i] == quote {
                let open = i
                i += 1
                let contentStart = i
                var escaped = false
                while true {
                    while i < n && p[i] != quote { i += 1 }
                    if i >= n { throw fail(open, "unterminated quoted field (the quote opened here)") }
                    if i + 1 < n && p[i + 1] == quote {
                        escaped = true
                        i += 2
                        continue
                    }
                    break
                }
                start = UInt32(contentStart) | (escaped ? CSVFields.escapedBit : 0)
                end = UInt32(i)
                i += 1
                if i < n {
                    let c = p[i]
                    if c != delimiter && c != newline && c != carriage {
                        throw fail(i, "unexpected character after closing quote")
                    }
                }
            } else {
                let contentStart = i
                while i < n {
                    let c = p[i]
                    if c == delimiter || c == newline || c == carriage { break }
                    if c == quote { throw fail(i, "stray quote in unquoted field") }
                    i += 1
                }
                start = UInt32(contentStart)
                end = UInt32(i)
            }
            fields.starts.append(start)
            fields.ends.append(end)
            inRow += 1
            if i >= nextCheck {
                if isCancelled() { throw CancellationError() }
                nextCheck = i + cancelInterval
            }
            // The terminator: delimiter, LF, CRLF, CR or end of input.
            if i < n && p[i] == delimiter {
                i += 1
                if i == n {
                    // A trailing delimiter at end of input: one more, empty field.
                    fields.starts.append(UInt32(n))
                    fields.ends.append(UInt32(n))
                    inRow += 1
                } else {
                    continue
                }
            } else if i < n {
                i += p[i] == carriage && i + 1 < n && p[i + 1] == newline ? 2 : 1
            }
            if expected < 0 {
                expected = inRow
            } else if inRow != expected {
                throw fail(rowStart, "expected \(expected) fields, found \(inRow)", columnToo: false)
            }
            inRow = 0
            if fields.starts.count / expected >= limit { break }
        }
        if expected < 0 { throw DataError.malformed(path: path, line: 1, column: 0, message: "empty file: a header row is required") }
        fields.columnCount = expected
        fields.stop = i
        return fields
    }
}
