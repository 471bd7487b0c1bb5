// ColumnTyper: infers one CSV column's kind from its field bytes and fills the typed Column.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// The tokenized file that every column is typed from; shared read-only across threads.
struct CSVSource: Sendable {
    var bytes: [UInt8]
    /// First byte after a BOM.
    var base: Int
    var fields: CSVFields
    var path: String
    var missing: [[UInt8]]
}

/// Infers kinds (or applies overrides) and fills typed columns.
enum ColumnTyper {
    /// Minimum rows before an all-distinct string column is called an identifier.
    static let identifierMinimumRows = 20

    /// The typed column `index` named `name`, or a located error.
    static func build(_ index: Int, name: String, source: CSVSource, override: ColumnKind?) -> Result<Column, DataError> {
        source.bytes.withUnsafeBufferPointer { buffer in
            var reader = FieldReader(buffer: buffer, source: source, column: index)
            defer { reader.release() }
            do {
                return .success(try build(&reader, name: name, override: override))
            } catch let error as DataError {
                return .failure(error)
            } catch {
                return .failure(.invalidOption("\(error)"))
            }
        }
    }

    private static func build(_ reader: inout FieldReader, name: String, override: ColumnKind?) throws -> Column {
        let rows = reader.rows
        if override == nil || override == .numeric || override == .integer {
            var numbers = [Double](repeating: .nan, count: rows)
            var valid = [Bool](repeating: false, count: rows)
            var integral = true
            var firstFractional = -1
            var failed = -1
            numbers.withUnsafeMutableBufferPointer { numbers in
                valid.withUnsafeMutableBufferPointer { valid in
                    for r in 0..<rows {
                        let (p, s, e) = reader.field(r)
                        if reader.isMissing(p, s, e) { continue }
                        guard let v = FastNumber.parse(p, s, e) else { failed = r; break }
                        numbers[r] = v
                        valid[r] = true
                        if integral && !(v.rounded() == v && abs(v) < 9e15) { integral = false; firstFractional = r }
                    }
                }
            }
            if failed >= 0, let override {
                throw reader.conversionError(row: failed, name: name, kind: override)
            }
            if override == .integer && !integral {
                throw reader.conversionError(row: firstFractional, name: name, kind: .integer)
            }
            if failed < 0 && (override != nil || valid.contains(true)) {
                let kind: ColumnKind = override ?? (integral ? .integer : .numeric)
                return Column(name: name, kind: kind, numbers: numbers, valid: valid)
            }
        }
        // Dictionary-encode the raw text, then decide on the distinct levels.
        var interner = ByteInterner(capacity: 64)
        var codes = [Int32](repeating: -1, count: rows)
        var valid = [Bool](repeating: false, count: rows)
        var totalLength = 0
        var present = 0
        codes.withUnsafeMutableBufferPointer { codes in
            valid.withUnsafeMutableBufferPointer { valid in
                for r in 0..<rows {
                    let (p, s, e) = reader.field(r)
                    if reader.isMissing(p, s, e) { continue }
                    codes[r] = interner.intern(p, s, e)
                    valid[r] = true
                    totalLength += e - s
                    present += 1
                }
            }
        }
        let levels = interner.strings()
        func coded(_ kind: ColumnKind) -> Column {
            Column(name: name, kind: kind, codes: codes, levels: levels, valid: valid)
        }
        func numeric(_ kind: ColumnKind, _ values: [Double], levels: [String] = [], format: String? = nil) -> Column {
            let numbers = codes.map { $0 < 0 ? Double.nan : values[Int($0)] }
            return Column(name: name, kind: kind, numbers: numbers, levels: levels, valid: valid, format: format)
        }
        func firstRow(withCode code: Int) -> Int { codes.firstIndex(of: Int32(code)) ?? 0 }

        switch override {
        case .categorical?, .identifier?, .text?:
            return coded(override!)
        case .boolean?:
            var spelling: [String?] = [nil, nil]
            var values: [Double] = []
            for (code, level) in levels.enumerated() {
                guard let truth = booleanValue(level, allowDigits: true) else {
                    throw reader.conversionError(row: firstRow(withCode: code), name: name, kind: .boolean)
                }
                values.append(truth ? 1 : 0)
                if spelling[truth ? 1 : 0] == nil { spelling[truth ? 1 : 0] = level }
            }
            return numeric(.boolean, values, levels: [spelling[0] ?? "false", spelling[1] ?? "true"])
        case .date?, .datetime?:
            let isDate = override == .date
            let patterns = isDate ? DateCodec.datePatterns : DateCodec.dateTimePatterns
            var best: (pattern: String, values: [Double?], good: Int)?
            for pattern in patterns {
                let values = levels.map { isDate ? DateCodec.parseDate($0, pattern: pattern) : DateCodec.parseDateTime($0, pattern: pattern) }
                let good = values.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
                if best == nil || good > best!.good { best = (pattern, values, good) }
            }
            let chosen = best!
            if let bad = chosen.values.firstIndex(where: { $0 == nil }) {
                throw reader.conversionError(row: firstRow(withCode: bad), name: name, kind: override!)
            }
            return numeric(override!, chosen.values.map { $0! }, format: chosen.pattern)
        default:
            break
        }

        // Inference.
        if levels.isEmpty { return coded(.categorical) }
        if levels.count == 2, let a = booleanValue(levels[0], allowDigits: false),
           let b = booleanValue(levels[1], allowDigits: false), a != b {
            return numeric(.boolean, [a ? 1 : 0, b ? 1 : 0], levels: a ? [levels[1], levels[0]] : levels)
        }
        let firstLength = levels[0].utf8.count
        for pattern in DateCodec.datePatterns where pattern.utf8.count == firstLength {
            let values = levels.map { DateCodec.parseDate($0, pattern: pattern) }
            if !values.contains(where: { $0 == nil }) {
                return numeric(.date, values.map { $0! }, format: pattern)
            }
        }
        for pattern in DateCodec.dateTimePatterns where pattern.utf8.count == firstLength {
            let values = levels.map { DateCodec.parseDateTime($0, pattern: pattern) }
            if !values.contains(where: { $0 == nil }) {
                return numeric(.datetime, values.map { $0! }, format: pattern)
            }
        }
        if Double(totalLength) / Double(present) > 30 && Double(levels.count) > 0.5 * Double(present) {
            return coded(.text)
        }
        if levels.count == present && present >= identifierMinimumRows {
            return coded(.identifier)
        }
        return coded(.categorical)
    }

    /// true / false for the usual spellings (case-insensitive), nil otherwise.
    static func booleanValue(_ text: String, allowDigits: Bool) -> Bool? {
        switch text.lowercased() {
        case "true", "yes", "t", "y": return true
        case "false", "no", "f", "n": return false
        case "1" where allowDigits: return true
        case "0" where allowDigits: return false
        default: return nil
        }
    }
}

/// Reads one column's fields out of the shared buffer, unescaping doubled quotes on demand.
struct FieldReader {
    let buffer: UnsafeBufferPointer<UInt8>
    let source: CSVSource
    let column: Int
    let stride: Int
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
        self.stride = stride
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
        if rawStart & CSVFields.escapedBit == 0 {
            return (buffer.baseAddress!, Int(rawStart), end)
        }
        let start = Int(rawStart & ~CSVFields.escapedBit)
        if scratchCapacity < end - start {
            scratch?.deallocate()
            scratchCapacity = max(64, (end - start) * 2)
            scratch = .allocate(capacity: scratchCapacity)
        }
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
        let offset = Int(starts[row] & ~CSVFields.escapedBit)
        let (p, s, e) = field(row)
        let text = String(decoding: UnsafeBufferPointer(start: p + s, count: e - s), as: UTF8.self)
        let (line, col) = TextPosition.locate(buffer, base: source.base, offset: offset)
        return .malformed(path: source.path, line: line, column: col,
                          message: "column '\(name)': cannot read '\(text)' as \(kind.rawValue)")
    }
}
