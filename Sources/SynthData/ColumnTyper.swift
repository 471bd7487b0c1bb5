// ColumnTyper: infers one CSV column's kind from its field bytes and fills the typed Column.

/// Infers kinds (or applies overrides) and fills typed columns.
///
/// Inference on the present (non-missing) values: all numbers → `integer` when all are
/// integral ("63.0" too), else `numeric`, except that whole numbers beyond 2^53 in magnitude
/// (which a Double cannot hold exactly) keep their text and go on as below; a number that
/// overflows a Double (`1e309`) is a located error; exactly two levels spelled true/false, yes/no, t/f or
/// y/n in any case → `boolean`; every level a date in one of `DateCodec.datePatterns` → `date`
/// (for slashes, month-first unless a first field exceeds 12); every level a datetime →
/// `datetime`; mean length over 30 bytes and over half distinct → `text`; all distinct with at
/// least 20 rows → `identifier`; otherwise `categorical`. A column with no values at all is
/// `categorical` with no levels.
import SynthCore

enum ColumnTyper {
    /// Minimum rows before an all-distinct string column is called an identifier.
    static let identifierMinimumRows = 20
    /// Rows between two looks at the cancellation flag.
    static let cancelInterval = 1 << 16
    /// 2^52: from here on every Double is a whole number, so only the text tells whether a
    /// value was whole and whether it was held exactly.
    static let wholeDoublesFrom = 4_503_599_627_370_496.0

    /// The typed column `index` named `name`, or a located error; `CancellationError` when
    /// `isCancelled` says so (checked every `cancelInterval` rows).
    static func build(_ index: Int, name: String, source: CSVSource, override: ColumnKind?,
                      format: String? = nil, isCancelled: () -> Bool = { false }) -> Result<Column, any Error> {
        source.bytes.withUnsafeBufferPointer { buffer in
            if isCancelled() { return .failure(CancellationError()) }
            var reader = FieldReader(buffer: buffer, source: source, column: index)
            defer { reader.release() }
            do {
                return .success(try build(&reader, name: name, override: override, format: format, isCancelled: isCancelled))
            } catch let error as DataError {
                return .failure(error)
            } catch let error as CancellationError {
                return .failure(error)
            } catch {
                return .failure(DataError.invalidOption("\(error)"))
            }
        }
    }

    /// Numbers first (the common case, no per-value allocation); text when any value is not a
    /// number, the override asks for a non-numeric kind, or whole numbers are too wide for a
    /// Double to hold exactly (ids of 17 digits and more stay text, byte for byte).
    private static func build(_ reader: inout FieldReader, name: String, override: ColumnKind?, format: String?,
                              isCancelled: () -> Bool) throws -> Column {
        let rows = reader.rows
        if override == nil || override == .numeric || override == .integer {
            var numbers = [Double](repeating: .nan, count: rows)
            var valid = [Bool](repeating: false, count: rows)
            var integral = true
            var firstFractional = -1
            var firstWide = -1
            var failed = -1
            var infinite = -1
            var cancelled = false
            numbers.withUnsafeMutableBufferPointer { numbers in
                valid.withUnsafeMutableBufferPointer { valid in
                    for r in 0..<rows {
                        if r & (cancelInterval - 1) == 0 && isCancelled() { cancelled = true; break }
                        let (p, s, e) = reader.field(r)
                        if reader.isMissing(p, s, e) { continue }
                        guard let v = FastNumber.parse(p, s, e) else { failed = r; break }
                        // 1e309 overflows to infinity: a value no column can hold (unless the
                        // column turns out to be text anyway, so read on).
                        guard v.isFinite else {
                            if infinite < 0 { infinite = r }
                            continue
                        }
                        numbers[r] = v
                        valid[r] = true
                        guard integral else { continue }
                        if v.rounded() != v {
                            integral = false
                            firstFractional = r
                        } else if abs(v) >= wholeDoublesFrom || (v == 0 && e - s > 1) {
                            // The Double rounded the text (or underflowed to 0): ask the digits.
                            switch FastNumber.wholeness(p, s, e) {
                            case .fractional: integral = false; firstFractional = r
                            case .tooWide: if firstWide < 0 { firstWide = r }
                            case .exact: break
                            }
                        }
                    }
                }
            }
            if cancelled { throw CancellationError() }
            if failed >= 0, let override {
                throw reader.conversionError(row: failed, name: name, kind: override)
            }
            if infinite >= 0 && failed < 0 {
                let text = reader.text(infinite)
                throw reader.error(row: infinite, "column '\(name)': \(text) is too large for a number (beyond ±1.8e308); "
                                   + "types=[\"\(name):text\"] (or categorical) loads the column as text")
            }
            if override == .integer && !integral {
                throw reader.conversionError(row: firstFractional, name: name, kind: .integer)
            }
            if override == .integer && firstWide >= 0 {
                let text = reader.text(firstWide)
                throw reader.error(row: firstWide, "column '\(name)': \(text) is too wide for an integer column to hold exactly "
                                   + "(beyond ±2^53 = \(FastNumber.exactIntegerLimit)); types=[\"\(name):text\"] keeps it as "
                                   + "written, types=[\"\(name):numeric\"] rounds it")
            }
            // Whole numbers too wide for a Double are ids or codes: inference reads them as text.
            let tooWide = override == nil && integral && firstWide >= 0
            if failed < 0 && !tooWide && (override != nil || valid.contains(true)) {
                let kind: ColumnKind = override ?? (integral ? .integer : .numeric)
                let column = Column(name: name, kind: kind, numbers: numbers, valid: valid)
                return override == nil && kind == .integer && CodeNames.looksLikeCode(name) ? codes(from: column) : column
            }
        }
        guard let text = encode(&reader, isCancelled: isCancelled) else { throw CancellationError() }
        return try decide(text, name: name, override: override, format: format, reader: &reader)
    }

    /// A column's text, dictionary-encoded.
    private struct EncodedText {
        var codes: [Int32]
        var valid: [Bool]
        var levels: [String]
        /// Bytes over all present cells, for the mean length.
        var totalLength: Int
        var present: Int
    }

    /// nil when cancelled part-way.
    private static func encode(_ reader: inout FieldReader, isCancelled: () -> Bool) -> EncodedText? {
        let rows = reader.rows
        var cancelled = false
        var interner = ByteInterner(capacity: 64)
        var codes = [Int32](repeating: -1, count: rows)
        var valid = [Bool](repeating: false, count: rows)
        var totalLength = 0
        var present = 0
        codes.withUnsafeMutableBufferPointer { codes in
            valid.withUnsafeMutableBufferPointer { valid in
                for r in 0..<rows {
                    if r & (cancelInterval - 1) == 0 && isCancelled() { cancelled = true; break }
                    let (p, s, e) = reader.field(r)
                    if reader.isMissing(p, s, e) { continue }
                    codes[r] = interner.intern(p, s, e)
                    valid[r] = true
                    totalLength += e - s
                    present += 1
                }
            }
        }
        if cancelled { return nil }
        return EncodedText(codes: codes, valid: valid, levels: interner.strings(), totalLength: totalLength, present: present)
    }

    /// The kind of encoded text: the override converted, else inferred from the distinct levels.
    private static func decide(_ text: EncodedText, name: String, override: ColumnKind?, format: String?,
                               reader: inout FieldReader) throws -> Column {
        let (codes, valid, levels, present) = (text.codes, text.valid, text.levels, text.present)
        func coded(_ kind: ColumnKind) -> Column {
            Column(name: name, kind: kind, codes: codes, levels: levels, valid: valid)
        }
        func numeric(_ kind: ColumnKind, _ values: [Double], levels: [String] = [], format: String? = nil) -> Column {
            let numbers = codes.map { $0 < 0 ? Double.nan : values[Int($0)] }
            return Column(name: name, kind: kind, numbers: numbers, levels: levels, valid: valid, format: format)
        }
        func firstRow(withCode code: Int) -> Int { codes.firstIndex(of: Int32(code)) ?? 0 }

        switch override {
        case .categorical?:
            return canonicalNumericCodes(coded(.categorical))
        case .identifier?, .text?:
            return coded(override!)  // this case matched a value
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
            let patterns = format.map { [$0] } ?? (isDate ? DateCodec.datePatterns : DateCodec.dateTimePatterns)
            var best: (pattern: String, values: [Double?], good: Int)?
            for pattern in patterns {
                let values = levels.map { isDate ? DateCodec.parseDate($0, pattern: pattern) : DateCodec.parseDateTime($0, pattern: pattern) }
                let good = values.reduce(0) { $0 + ($1 == nil ? 0 : 1) }
                if good > best?.good ?? -1 { best = (pattern, values, good) }
            }
            let chosen = best!  // patterns is never empty: a format, or the built-in list
            if let bad = chosen.values.firstIndex(where: { $0 == nil }) {
                throw reader.conversionError(row: firstRow(withCode: bad), name: name, kind: override!)
            }
            // This case matched override, and no value is nil (checked just above).
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
            let values = levels.compactMap { DateCodec.parseDate($0, pattern: pattern) }
            if values.count == levels.count {
                return numeric(.date, values, format: pattern)
            }
        }
        for pattern in DateCodec.dateTimePatterns where pattern.utf8.count == firstLength {
            let values = levels.compactMap { DateCodec.parseDateTime($0, pattern: pattern) }
            if values.count == levels.count {
                return numeric(.datetime, values, format: pattern)
            }
        }
        if Double(text.totalLength) / Double(present) > 30 && Double(levels.count) > 0.5 * Double(present) {
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

extension ColumnTyper {
    /// Number-coded categories ("1" and "1.0" from two hospitals' exports) are one category,
    /// spelled in the shortest form ("1"). Levels that are not all numbers are left as they are.
    static func canonicalNumericCodes(_ column: Column) -> Column {
        let parsed = column.levels.compactMap { FastNumber.parse($0) }
        // Beyond 2^52 two spellings can round to one Double without being one number.
        guard !parsed.isEmpty, parsed.count == column.levels.count, parsed.allSatisfy({ $0.isFinite && abs($0) < wholeDoublesFrom }) else {
            return column
        }
        let canonical = parsed.map { NumberFormat.roundTrip($0) }
        var out = Column.coded(column.name, column.codes.map { $0 < 0 ? nil : canonical[Int($0)] })
        out.role = column.role
        return out
    }
}

extension ColumnTyper {
    /// Whole numbers that name codes (admission_type_id, itemid, icd_code) are categories: a
    /// model must not invent code 4.5 or an item number between two real ones. Unique columns
    /// stay numbers (the identifier detector deals with them), and so do columns with more
    /// distinct codes than a category list should hold.
    static func codes(from column: Column) -> Column {
        var distinct = Set<Double>()
        var present = 0
        for (value, ok) in zip(column.numbers, column.valid) where ok {
            present += 1
            distinct.insert(value)
            if distinct.count > CodeNames.maximumLevels { return column }
        }
        guard distinct.count < present else { return column }
        var out = Column.coded(column.name, zip(column.numbers, column.valid).map { $1 ? NumberFormat.roundTrip($0) : nil })
        out.role = column.role
        return out
    }
}

/// Column names that say "this number is a code".
enum CodeNames {
    static let maximumLevels = 1000
    /// Words ending in "id" that are measurements or findings, not identifiers of a code list.
    static let notCodes: Set<String> = ["acid", "lipid", "fluid", "liquid", "valid", "void", "thyroid", "steroid",
                                        "opioid", "covid", "lucid", "rapid", "solid", "humid", "arachnoid", "paid"]

    static func looksLikeCode(_ name: String) -> Bool {
        let lower = name.lowercased()
        for suffix in ["_id", "-id", ".id", " id", "_code", "code", "_type", "_cd", "_class"] where lower.hasSuffix(suffix) {
            return true
        }
        if lower.hasSuffix("id") && lower.count > 2 {
            // camelCase "itemId", or a run-together name such as MIMIC's "itemid".
            if name.hasSuffix("Id") || name.hasSuffix("ID") { return true }
            return !notCodes.contains(where: { lower.hasSuffix($0) })
        }
        return false
    }
}
