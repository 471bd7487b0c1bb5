// CSVReader: reads CSV/TSV (optionally gzip-compressed) files into typed, columnar tables.

import SynthCore

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Reads RFC 4180 delimited text into a `Table`: quoted fields, doubled quotes, embedded
/// newlines, LF, CRLF or CR line ends, a UTF-8 BOM, gzip input (detected by its magic bytes),
/// regular files or streams (a FIFO, `/dev/stdin`). The header row is required. Column kinds
/// are inferred (see `ColumnTyper`) unless overridden, and likely direct identifiers get
/// `role = .identifier`.
///
/// Nothing big is allocated before it is estimated to fit (`DataError.tooLarge` otherwise),
/// and Ctrl-C stops a read within a fraction of a second with `CancellationError`.
public enum CSVReader {
    /// Reads the file at `path`.
    public static func read(path: String, options: CSVOptions = .init()) throws -> Table {
        try read(path: path, options: options, limits: .process)
    }

    /// Reads `bytes`; `name` is used in errors, for the table name (basename without
    /// `.csv`/`.tsv`/`.gz`) and to pick the default delimiter.
    public static func read(bytes: [UInt8], name: String, options: CSVOptions = .init()) throws -> Table {
        try read(bytes: bytes, name: name, options: options, limits: .process)
    }

    /// The column names of the regular file at `path`, read from as little of its start as
    /// the header needs. A stream cannot be read ahead of its load: callers test
    /// `InputFile.isRegular` first, and a stream here is an error.
    public static func readHeader(path: String, options: CSVOptions = .init()) throws -> [String] {
        try readHeader(path: path, options: options, limits: .process)
    }

    /// The table name for a path: its basename without `.gz`, then `.csv` / `.tsv`.
    public static func tableName(_ path: String) -> String {
        var base = String(path.split(separator: "/", omittingEmptySubsequences: false).last ?? "")
        for suffix in [".gz", ".csv", ".tsv", ".txt"] where base.lowercased().hasSuffix(suffix) && base.count > suffix.count {
            base.removeLast(suffix.count)
        }
        return base
    }

    // MARK: - Internals

    static func read(path: String, options: CSVOptions, limits: ReadLimits) throws -> Table {
        let text = try CSVInput.text(of: path, delimiter: delimiter(options, path), limits: limits)
        var table = try read(text: text, name: path, options: options, limits: limits)
        table.source = path
        return table
    }

    static func read(bytes: [UInt8], name: String, options: CSVOptions, limits: ReadLimits) throws -> Table {
        let text = try CSVInput.inflatedIfGzip(bytes, path: name, delimiter: delimiter(options, name), limits: limits)
        return try read(text: text, name: name, options: options, limits: limits)
    }

    static func readHeader(path: String, options: CSVOptions, limits: ReadLimits) throws -> [String] {
        guard InputFile.isRegular(path) else {
            throw DataError.cannotRead(path: path, reason: "a stream is read once, by the load, so its header cannot be read ahead")
        }
        let delimiter = delimiter(options, path)
        var count = 1 << 16
        while true {
            let (text, whole) = try CSVInput.prefix(of: path, count: count, delimiter: delimiter, limits: limits)
            count *= 4
            let fields: CSVFields
            do {
                fields = try tokenized(text, name: path, delimiter: delimiter, limit: 1, limits: limits)
            } catch is DataError where !whole {
                // The header may go on past this prefix (a quoted name holding a line end).
                continue
            }
            // The header ended before the prefix did, so the rest cannot change it.
            if whole || fields.stop < text.count { return try header(text, fields: fields, name: path, whole: false, limits: limits) }
        }
    }

    /// The delimiter: the option, else tab for `.tsv` / `.tsv.gz` names, else comma.
    private static func delimiter(_ options: CSVOptions, _ name: String) -> UInt8 {
        let lower = name.lowercased()
        return options.delimiter
            ?? (lower.hasSuffix(".tsv") || lower.hasSuffix(".tsv.gz") ? UInt8(ascii: "\t") : UInt8(ascii: ","))
    }

    /// Types every column of inflated `text` in parallel.
    private static func read(text: [UInt8], name: String, options: CSVOptions, limits: ReadLimits) throws -> Table {
        let fields = try tokenized(text, name: name, delimiter: delimiter(options, name), limit: Int.max, limits: limits)
        let header = try self.header(text, fields: fields, name: name, whole: true, limits: limits)
        let unknown = options.types.keys.filter { !header.contains($0) }.sorted()
        if let bad = unknown.first {
            let hint = Suggestion.hint(for: bad, in: header).map { "; \($0)" } ?? ""
            throw DataError.invalidOption("type override for unknown column '\(bad)'\(hint)")
        }
        let source = CSVSource(bytes: text, base: bomLength(text), fields: fields, path: name,
                               missing: options.missing.map { Array($0.utf8) })
        let types = options.types
        let formats = options.formats
        let isCancelled = limits.isCancelled
        let results = Parallel.map(header.count) { c in
            ColumnTyper.build(c, name: header[c], source: source, override: types[header[c]], format: formats[header[c]],
                              isCancelled: isCancelled)
        }
        // A worker that saw Ctrl-C stopped early; its error wins over any other column's.
        for result in results {
            if case let .failure(error) = result, error is CancellationError { throw error }
        }
        var columns: [Column] = []
        columns.reserveCapacity(results.count)
        for result in results { columns.append(try result.get()) }
        var table = Table(name: tableName(name), columns: columns, source: nil)
        if options.detectIdentifiers {
            let flagged = Set(IdentifierDetector.detect(table).map(\.column))
            for c in table.columns.indices where flagged.contains(table.columns[c].name) {
                table.columns[c].role = .identifier
            }
        }
        return table
    }

    /// 3 when `bytes` start with a UTF-8 BOM, else 0.
    private static func bomLength(_ bytes: [UInt8]) -> Int {
        bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
    }

    /// Tokenizes `text` (at most `limit` rows); a whole read checks the encoding first.
    private static func tokenized(_ bytes: [UInt8], name: String, delimiter: UInt8, limit: Int, limits: ReadLimits) throws -> CSVFields {
        let base = bomLength(bytes)
        let isCancelled = limits.isCancelled
        return try bytes.withUnsafeBufferPointer { buffer in
            if limit == Int.max { try checkUTF8(buffer, upTo: buffer.count, base: base, name: name, limits: limits) }
            return try CSVTokenizer.tokenize(buffer, base: base, delimiter: delimiter, path: name, limit: limit,
                                             isCancelled: isCancelled)
        }
    }

    /// The header's names; `whole` says the encoding of all of `bytes` was checked already,
    /// else the header's bytes are checked here.
    private static func header(_ bytes: [UInt8], fields: CSVFields, name: String, whole: Bool, limits: ReadLimits) throws -> [String] {
        let base = bomLength(bytes)
        return try bytes.withUnsafeBufferPointer { buffer in
            if !whole {
                let end = min(buffer.count, Int(fields.ends.prefix(fields.columnCount).last ?? 0) + 1)
                try checkUTF8(buffer, upTo: end, base: base, name: name, limits: limits)
            }
            return try headerNames(buffer, fields: fields, base: base, path: name)
        }
    }

    /// Throws a located error at the first invalid UTF-8 sequence starting before `end`.
    private static func checkUTF8(_ buffer: UnsafeBufferPointer<UInt8>, upTo end: Int, base: Int, name: String,
                                  limits: ReadLimits) throws {
        let prefix = UnsafeBufferPointer(rebasing: buffer[0..<end])
        if let bad = try UTF8Check.firstInvalid(prefix, from: base, isCancelled: limits.isCancelled) {
            let (line, column) = TextPosition.locate(buffer, base: base, offset: bad)
            throw DataError.malformed(path: name, line: line, column: column,
                                      message: "invalid UTF-8 byte 0x\(String(buffer[bad], radix: 16))")
        }
    }

    private static func headerNames(_ buffer: UnsafeBufferPointer<UInt8>, fields: CSVFields, base: Int, path: String) throws -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for c in 0..<fields.columnCount {
            let text = fieldText(buffer, start: fields.starts[c], end: fields.ends[c])
            let offset = Int(fields.starts[c] & ~CSVFields.escapedBit)
            if text.isEmpty {
                let (line, column) = TextPosition.locate(buffer, base: base, offset: offset)
                throw DataError.malformed(path: path, line: line, column: column, message: "empty column name (column \(c + 1))")
            }
            if !seen.insert(text).inserted {
                let (line, column) = TextPosition.locate(buffer, base: base, offset: offset)
                throw DataError.malformed(path: path, line: line, column: column, message: "duplicate column name '\(text)'")
            }
            names.append(text)
        }
        return names
    }

    static func fieldText(_ buffer: UnsafeBufferPointer<UInt8>, start rawStart: UInt32, end rawEnd: UInt32) -> String {
        let start = Int(rawStart & ~CSVFields.escapedBit), end = Int(rawEnd)
        if rawStart & CSVFields.escapedBit == 0 {
            return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
        }
        var out = [UInt8](repeating: 0, count: end - start)
        // An escaped field holds a doubled quote: both buffers are non-empty.
        let count = out.withUnsafeMutableBufferPointer { unescape(buffer.baseAddress!, start, end, into: $0.baseAddress!) }
        return String(decoding: out[0..<count], as: UTF8.self)
    }

    /// Copies `p[start..<end]` into `out` with each doubled quote made single; returns the length.
    static func unescape(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var i = start, n = 0
        while i < end {
            out[n] = p[i]
            n += 1
            i += p[i] == CSVTokenizer.quote ? 2 : 1
        }
        return n
    }
}
