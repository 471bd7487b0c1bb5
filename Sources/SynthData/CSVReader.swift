// CSVReader: reads CSV/TSV (optionally gzip-compressed) files into typed, columnar tables.

import SynthCore

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Reads RFC 4180 delimited text into a `Table`: quoted fields, doubled quotes, embedded
/// newlines, CRLF or LF, a UTF-8 BOM, gzip input (detected by its magic bytes). The header row
/// is required. Column kinds are inferred (see `ColumnTyper`) unless overridden, and likely
/// direct identifiers get `role = .identifier`.
public enum CSVReader {
    /// Reads the file at `path`.
    public static func read(path: String, options: CSVOptions = .init()) throws -> Table {
        var table = try read(bytes: try readFile(path), name: path, options: options)
        table.source = path
        return table
    }

    /// Reads `bytes`; `name` is used in errors, for the table name (basename without
    /// `.csv`/`.tsv`/`.gz`) and to pick the default delimiter.
    public static func read(bytes: [UInt8], name: String, options: CSVOptions = .init()) throws -> Table {
        let (source, header) = try prepare(bytes: bytes, name: name, options: options, limit: Int.max)
        let unknown = options.types.keys.filter { !header.contains($0) }.sorted()
        if let bad = unknown.first {
            let hint = Suggestion.hint(for: bad, in: header).map { "; \($0)" } ?? ""
            throw DataError.invalidOption("type override for unknown column '\(bad)'\(hint)")
        }
        let types = options.types
        let formats = options.formats
        let results = Parallel.map(header.count) { c in
            ColumnTyper.build(c, name: header[c], source: source, override: types[header[c]], format: formats[header[c]])
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

    /// The column names of the file at `path` (reads only as far as the header needs).
    public static func readHeader(path: String, options: CSVOptions = .init()) throws -> [String] {
        try prepare(bytes: try readFile(path), name: path, options: options, limit: 1).header
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

    private static func prepare(bytes input: [UInt8], name: String, options: CSVOptions, limit: Int) throws
        -> (source: CSVSource, header: [String]) {
        let bytes = GzipInflater.isGzip(input) ? try GzipInflater.inflate(input, path: name) : input
        let base = bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
        let lower = name.lowercased()
        let delimiter = options.delimiter
            ?? (lower.hasSuffix(".tsv") || lower.hasSuffix(".tsv.gz") ? UInt8(ascii: "\t") : UInt8(ascii: ","))
        let fields: CSVFields = try bytes.withUnsafeBufferPointer { buffer in
            func checkUTF8(_ prefix: UnsafeBufferPointer<UInt8>) throws {
                if let bad = UTF8Check.firstInvalid(prefix, from: base) {
                    let (line, column) = TextPosition.locate(buffer, base: base, offset: bad)
                    throw DataError.malformed(path: name, line: line, column: column,
                                              message: "invalid UTF-8 byte 0x\(String(buffer[bad], radix: 16))")
                }
            }
            // A whole read checks encoding first; a header read checks only the header's bytes.
            if limit == Int.max { try checkUTF8(buffer) }
            let fields = try CSVTokenizer.tokenize(buffer, base: base, delimiter: delimiter, path: name, limit: limit)
            if limit != Int.max {
                let end = min(buffer.count, Int(fields.ends.last ?? 0) + 1)
                try checkUTF8(UnsafeBufferPointer(rebasing: buffer[0..<end]))
            }
            return fields
        }
        let source = CSVSource(bytes: bytes, base: base, fields: fields, path: name, missing: options.missing.map { Array($0.utf8) })
        let header = try bytes.withUnsafeBufferPointer { buffer in
            try headerNames(buffer, fields: fields, base: base, path: name)
        }
        return (source, header)
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

    /// The whole file at `path`.
    static func readFile(_ path: String) throws -> [UInt8] {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DataError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw DataError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw DataError.cannotRead(path: path, reason: "is a directory") }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        var failure: Int32 = 0
        bytes.withUnsafeMutableBytes { raw in
            while filled < raw.count {
                let got = systemRead(fd, raw.baseAddress! + filled, raw.count - filled)
                if got < 0 { if errno == EINTR { continue }; failure = errno; return }
                if got == 0 { break }
                filled += got
            }
        }
        if failure != 0 { throw DataError.cannotRead(path: path, reason: String(cString: strerror(failure))) }
        if filled < bytes.count { bytes.removeLast(bytes.count - filled) }
        return bytes
    }
}

/// POSIX read(2), named apart from `CSVReader.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
