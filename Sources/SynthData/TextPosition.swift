// TextPosition: physical line and byte column of an offset in a byte buffer, for error messages.

/// Locates byte offsets as 1-based physical lines and columns.
///
/// A line ends at LF, CRLF or a lone CR, as the tokenizer reads them; line ends inside quoted
/// fields count too, so the line is the one an editor shows.
enum TextPosition {
    /// The line (count of line ends before `offset`, plus one) and byte column of `offset`,
    /// counting from `base` (the first byte after a BOM).
    static func locate(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = base
        var i = base
        let stop = min(offset, bytes.count)
        while i < stop {
            let byte = bytes[i]
            // A CR followed by an LF ends its line at the LF.
            if byte == 10 || (byte == 13 && (i + 1 >= bytes.count || bytes[i + 1] != 10)) {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
    }
}
