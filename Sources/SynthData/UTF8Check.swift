// UTF8Check: finds the first invalid UTF-8 sequence in a buffer (ASCII runs checked 8 bytes at a time).

/// UTF-8 validation over raw bytes.
enum UTF8Check {
    /// The offset of the first byte that starts an invalid sequence, or nil if all is valid.
    /// Looks at `isCancelled` once a megabyte and throws `CancellationError` when it says so.
    static func firstInvalid(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int,
                             isCancelled: () -> Bool = { false }) throws -> Int? {
        let n = bytes.count
        guard let p = bytes.baseAddress else { return nil }
        var i = start
        while i < n {
            if isCancelled() { throw CancellationError() }
            // A sequence may run past the block's end: blocks only pace the cancellation checks.
            let blockEnd = min(n, i + CSVTokenizer.cancelInterval)
            if let bad = firstInvalid(p, n, from: &i, before: blockEnd) { return bad }
        }
        return nil
    }

    /// Scans sequences starting before `blockEnd`; leaves `i` after the last one.
    @inline(__always)
    private static func firstInvalid(_ p: UnsafePointer<UInt8>, _ n: Int, from i: inout Int, before blockEnd: Int) -> Int? {
        while i < blockEnd {
            // ASCII fast path.
            if i + 8 <= n {
                let word = UnsafeRawPointer(p + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0 { i += 8; continue }
            }
            let b = p[i]
            if b < 0x80 { i += 1; continue }
            var need = 0
            var minimum: UInt32 = 0
            var scalar: UInt32 = 0
            if b & 0xE0 == 0xC0 { need = 1; minimum = 0x80; scalar = UInt32(b & 0x1F) }
            else if b & 0xF0 == 0xE0 { need = 2; minimum = 0x800; scalar = UInt32(b & 0x0F) }
            else if b & 0xF8 == 0xF0 { need = 3; minimum = 0x10000; scalar = UInt32(b & 0x07) }
            else { return i }
            if i + need >= n { return i }
            for k in 1...need {
                let c = p[i + k]
                if c & 0xC0 != 0x80 { return i }
                scalar = scalar << 6 | UInt32(c & 0x3F)
            }
            if scalar < minimum || scalar > 0x10FFFF || (scalar >= 0xD800 && scalar <= 0xDFFF) { return i }
            i += need + 1
        }
        return nil
    }
}
