// ReadLimits: the memory a read may use and whether it must stop, asked of the process or of a test.

import SynthCore

/// What a read may allocate and whether it has been asked to stop.
///
/// `.process` asks `MemoryBudget` and `Cancellation`. Both are process-wide, so tests pass
/// stand-ins instead of requesting a Ctrl-C that every test running beside them would see.
struct ReadLimits: Sendable {
    /// Bytes the process may still allocate.
    var available: @Sendable () -> Int
    /// Throws `MemoryShortage` when `bytes` are more than the process may allocate.
    var check: @Sendable (_ bytes: Int) throws -> Void
    /// Whether the read has been asked to stop (Ctrl-C).
    var isCancelled: @Sendable () -> Bool

    static let process = ReadLimits(available: { MemoryBudget.available() },
                                    check: { try MemoryBudget.check($0) },
                                    isCancelled: { Cancellation.isRequested })

    /// Throws `CancellationError` once the read has been asked to stop.
    func checkCancelled() throws {
        if isCancelled() { throw CancellationError() }
    }

    /// Refuses a read of `path` estimated to need `bytes`, as `DataError.tooLarge`.
    func check(_ bytes: Int, reading path: String, inflatedAtLeast inflated: Int? = nil) throws {
        do {
            try check(bytes)
        } catch let shortage as MemoryShortage {
            throw DataError.tooLarge(path: path, inflatedAtLeast: inflated, shortage: shortage)
        }
    }
}

/// The memory a load of delimited text takes, from its size and the field density of a sample:
/// the bytes themselves, the tokenizer's two field offsets (8 bytes a field) and the typed
/// columns (about 9 bytes a cell: a Double or code and a validity flag).
struct LoadEstimate: Sendable {
    static let bytesPerField = 8 + 9
    /// Fields per byte in the sample (delimiters and line ends per byte).
    let fieldsPerByte: Double

    /// The density of `sample`; an empty sample assumes the tokenizer's guess, a field per 8 bytes.
    init(sample: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        guard let p = sample.baseAddress, sample.count > 0 else {
            fieldsPerByte = 1.0 / 8
            return
        }
        var ends = 1
        for i in 0..<sample.count {
            let c = p[i]
            // A CR before an LF ends the same row as the LF: count the pair once.
            if c == delimiter || c == CSVTokenizer.newline
                || (c == CSVTokenizer.carriage && (i + 1 == sample.count || p[i + 1] != CSVTokenizer.newline)) {
                ends += 1
            }
        }
        fieldsPerByte = min(1, Double(ends) / Double(sample.count))
    }

    init(sample: [UInt8], delimiter: UInt8) {
        self = sample.withUnsafeBufferPointer { LoadEstimate(sample: $0, delimiter: delimiter) }
    }

    /// Bytes a load of `textBytes` bytes of text needs.
    func bytesNeeded(forText textBytes: Int) -> Int {
        let fields = Double(textBytes) * fieldsPerByte
        return textBytes + Int(min(Double(Int.max / 2), fields * Double(Self.bytesPerField)))
    }
}
