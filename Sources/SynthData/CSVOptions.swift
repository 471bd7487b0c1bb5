// CSVOptions: how to read a delimited text file (missing spellings, delimiter, type overrides).

/// Options for `CSVReader`.
public struct CSVOptions: Sendable {
    /// Field texts that mean "missing" (exact, untrimmed match).
    public var missing: [String]
    /// Field separator byte; nil picks tab for `.tsv` / `.tsv.gz` files, else comma.
    public var delimiter: UInt8?
    /// Column kinds that override inference, by column name.
    public var types: [String: ColumnKind]
    /// Text patterns of date and datetime columns, by column name (one of
    /// `DateCodec.datePatterns` / `dateTimePatterns`), for files whose values cannot settle it
    /// (day/month order when every day is 12 or less). Needs a `types` entry of date or datetime.
    public var formats: [String: String] = [:]
    /// Whether to flag likely direct identifiers (`role = .identifier`) after reading.
    public var detectIdentifiers: Bool

    public init(missing: [String] = ["", "NA"], delimiter: UInt8? = nil, types: [String: ColumnKind] = [:],
                detectIdentifiers: Bool = true) {
        self.missing = missing
        self.delimiter = delimiter
        self.types = types
        self.detectIdentifiers = detectIdentifiers
    }
}
