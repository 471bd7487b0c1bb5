// CSVInput: the text a CSV read works on: the file or stream, inflated when gzip, its memory
// estimated before it is read, or checked while it grows when no size says it in advance.

/// Loads the bytes of a delimited file for `CSVReader`, refusing what the process cannot hold.
enum CSVInput {
    /// The most bytes of text a table file may hold: the tokenizer keeps 31-bit offsets.
    static let largest = Int(CSVFields.escapedBit) - 1
    /// Bytes sampled for the field density of the memory estimate.
    static let sampleSize = 1 << 20

    /// The text of `path`: a regular file is estimated from its size and a sample of its start
    /// before anything big is allocated; a stream or gzip data is checked as it grows.
    static func text(of path: String, delimiter: UInt8, limits: ReadLimits) throws -> [UInt8] {
        let file = try InputFile(path)
        guard file.isRegular else {
            var growth = GrowthGuard(limits: limits, path: path, delimiter: delimiter, inflating: false)
            let bytes = try file.readAll(limits: limits) { try growth.grew($0) }
            return try inflatedIfGzip(bytes, path: path, delimiter: delimiter, limits: limits)
        }
        let sample = try file.prefix(sampleSize)
        if GzipInflater.isGzip(sample) {
            try limits.check(file.size, reading: path)
            return try inflatedIfGzip(try file.readAll(limits: limits), path: path, delimiter: delimiter, limits: limits)
        }
        try limits.check(LoadEstimate(sample: sample, delimiter: delimiter).bytesNeeded(forText: file.size), reading: path)
        guard file.size <= largest else { throw DataError.cannotRead(path: path, reason: "file larger than 2 GB") }
        return try file.readAll(limits: limits)
    }

    /// `bytes` inflated when they are gzip data, stopped as soon as what they inflate to would
    /// need more memory than the process may use, or exceeds `largest`.
    static func inflatedIfGzip(_ bytes: [UInt8], path: String, delimiter: UInt8, limits: ReadLimits) throws -> [UInt8] {
        guard GzipInflater.isGzip(bytes) else { return bytes }
        var growth = GrowthGuard(limits: limits, path: path, delimiter: delimiter, inflating: true, held: bytes.count)
        let (text, cut) = try GzipInflater.inflate(bytes, path: path, limit: largest + 1) { output in
            try limits.checkCancelled()
            try growth.grew(output)
        }
        if cut { throw DataError.cannotRead(path: path, reason: "inflates to more than 2 GB, more than a table file may hold") }
        return text
    }

    /// At most about `count` bytes of text from the start of the regular file `path`, and
    /// whether they are all of it. Gzip data is inflated only as far as the prefix needs.
    static func prefix(of path: String, count: Int, delimiter: UInt8, limits: ReadLimits) throws -> (text: [UInt8], whole: Bool) {
        let file = try InputFile(path)
        if file.size <= count { return (try text(of: path, delimiter: delimiter, limits: limits), true) }
        let head = try file.prefix(count)
        guard GzipInflater.isGzip(head) else { return (head, false) }
        let (text, _) = try GzipInflater.inflate(head, path: path, limit: count, inputIsPrefix: true) { _ in
            try limits.checkCancelled()
        }
        return (text, false)
    }
}

/// Watches bytes that arrive without a size known in advance (a stream, gzip output) and
/// refuses them as soon as loading them would need more memory than the process may use.
struct GrowthGuard {
    let limits: ReadLimits
    let path: String
    let delimiter: UInt8
    /// Whether the bytes are inflated output (the error then says how far inflating got).
    let inflating: Bool
    /// Bytes held beside the growing ones (the compressed input).
    let held: Int
    private var estimate: LoadEstimate?
    private var threshold: Int

    init(limits: ReadLimits, path: String, delimiter: UInt8, inflating: Bool, held: Int = 0) {
        self.limits = limits
        self.path = path
        self.delimiter = delimiter
        self.inflating = inflating
        self.held = held
        threshold = Self.threshold(limits)
    }

    /// What `MemoryBudget.check` allows: the free memory less a tenth.
    private static func threshold(_ limits: ReadLimits) -> Int {
        let free = limits.available()
        return free - free / 10
    }

    /// Checks `bytes` so far; throws `DataError.tooLarge` (or the 2 GB limit) to stop.
    mutating func grew(_ bytes: [UInt8]) throws {
        if bytes.count > CSVInput.largest {
            let verb = inflating ? "inflates to" : "holds"
            throw DataError.cannotRead(path: path, reason: "\(verb) more than 2 GB, more than a table file may hold")
        }
        // The density of the first megabyte stands for the rest.
        if estimate == nil || bytes.count <= CSVInput.sampleSize {
            estimate = bytes.withUnsafeBufferPointer {
                LoadEstimate(sample: UnsafeBufferPointer(rebasing: $0.prefix(CSVInput.sampleSize)), delimiter: delimiter)
            }
        }
        let needed = held + estimate!.bytesNeeded(forText: bytes.count)  // set just above when nil
        guard needed > threshold else { return }
        try limits.check(needed, reading: path, inflatedAtLeast: inflating ? bytes.count : nil)
        // Memory was freed meanwhile: go on against the new figure.
        threshold = Self.threshold(limits)
    }
}
