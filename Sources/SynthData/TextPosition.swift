// TextPosition: physical line and byte column of an offset in a byte buffer, for error messages.

/// Locates byte offsets as 1-based physical lines and columns.
enum TextPosition {
    /// The line (count of newlines before `offset`, plus one) and byte column of `offset`,
    /// counting from `base` (the first byte after a BOM).
    static func locate(_ bytes: UnsafeBufferPointer<UInt8>, base: Int, offset: Int) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = base
        var i = base
        let stop = min(offset, bytes.count)
        while i < stop {
            if bytes[i] == 10 {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        return (line, offset - lineStart + 1)
    }
}
