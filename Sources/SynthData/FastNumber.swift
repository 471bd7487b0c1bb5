// FastNumber: a decimal number parser over bytes, exact for up to 15 significant digits.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// Parses plain decimal numbers (`-12`, `3.5`, `.5`, `1e-3`) from UTF-8 bytes.
///
/// Text that is not a plain decimal number (spaces, `inf`, `nan`, hex, integers with leading
/// zeros such as zip code `02134`) is rejected, so such columns stay text and round-trip.
public enum FastNumber {
    /// 10^k for k in 0...22, all exact in a Double.
    @inline(__always)
    private static func power(_ k: Int) -> Double {
        var value = 1.0
        var base = 10.0
        var e = k
        // Products of exact powers of ten below 10^22 stay exact.
        while e > 0 {
            if e & 1 == 1 { value *= base }
            base *= base
            e >>= 1
        }
        return value
    }

    /// The number spelled by `text`, or nil.
    public static func parse(_ text: String) -> Double? {
        var copy = text
        return copy.withUTF8 { buffer in
            guard let base = buffer.baseAddress else { return nil }
            return parse(base, 0, buffer.count)
        }
    }

    /// The number spelled by `p[start..<end]`, or nil.
    @inline(__always)
    static func parse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var i = start
        if i >= end { return nil }
        var negative = false
        if p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") {
            negative = p[i] == UInt8(ascii: "-")
            i += 1
        }
        var mantissa: UInt64 = 0
        var significant = 0
        var digits = 0
        var scale = 0
        let intStart = i
        while i < end, p[i] &- 48 < 10 {
            let d = UInt64(p[i] &- 48)
            if significant < 19 {
                if mantissa != 0 || d != 0 { significant += 1 }
                mantissa = mantissa &* 10 &+ d
            } else {
                scale += 1
                significant += 1
            }
            digits += 1
            i += 1
        }
        let intDigits = i - intStart
        // "007" is a code, not a number.
        if intDigits > 1 && p[intStart] == UInt8(ascii: "0") { return nil }
        if i < end && p[i] == UInt8(ascii: ".") {
            i += 1
            while i < end, p[i] &- 48 < 10 {
                let d = UInt64(p[i] &- 48)
                if significant < 19 {
                    if mantissa != 0 || d != 0 { significant += 1 }
                    mantissa = mantissa &* 10 &+ d
                    scale -= 1
                } else {
                    significant += 1
                }
                digits += 1
                i += 1
            }
        }
        if digits == 0 { return nil }
        if i < end && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1
            var expNegative = false
            if i < end && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
                expNegative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            let expStart = i
            var exponent = 0
            while i < end, p[i] &- 48 < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(p[i] &- 48) }
                i += 1
            }
            if i == expStart { return nil }
            scale += expNegative ? -exponent : exponent
        }
        if i != end { return nil }
        if mantissa == 0 { return negative ? -0.0 : 0.0 }
        if significant <= 15 && scale >= -22 && scale <= 22 {
            var value = Double(mantissa)
            value = scale < 0 ? value / power(-scale) : value * power(scale)
            return negative ? -value : value
        }
        return slowParse(p, start, end)
    }

    /// What a number's text says that its Double may not: whether it is whole, and whether a
    /// whole number is beyond 2^53, where a Double no longer holds every whole number exactly.
    enum Wholeness: Equatable {
        case fractional, exact, tooWide
    }

    /// 2^53: every whole number up to it in magnitude is exact in a Double.
    static let exactIntegerLimit = "9007199254740992"

    /// The wholeness of the number spelled by `p[start..<end]`, which `parse` accepted. Decided
    /// on the decimal digits, since the Double has already rounded them.
    static func wholeness(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Wholeness {
        var i = start
        if i < end && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) { i += 1 }
        // Significant digits (leading zeros dropped) and the power of ten that scales them.
        var digits: [UInt8] = []
        var scale = 0
        var afterPoint = false
        while i < end {
            let c = p[i]
            if c == UInt8(ascii: ".") { afterPoint = true; i += 1; continue }
            guard c &- 48 < 10 else { break }
            if !(digits.isEmpty && c == UInt8(ascii: "0")) { digits.append(c) }
            if afterPoint { scale -= 1 }
            i += 1
        }
        if i < end && (p[i] == UInt8(ascii: "e") || p[i] == UInt8(ascii: "E")) {
            i += 1
            var negative = false
            if i < end && (p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+")) {
                negative = p[i] == UInt8(ascii: "-")
                i += 1
            }
            var exponent = 0
            while i < end, p[i] &- 48 < 10 {
                if exponent < 100_000 { exponent = exponent * 10 + Int(p[i] &- 48) }
                i += 1
            }
            scale += negative ? -exponent : exponent
        }
        while let last = digits.last, last == UInt8(ascii: "0") {
            digits.removeLast()
            scale += 1
        }
        if digits.isEmpty { return .exact }
        if scale < 0 { return .fractional }
        let length = digits.count + scale
        let limit = Array(exactIntegerLimit.utf8)
        if length != limit.count { return length > limit.count ? .tooWide : .exact }
        let padded = digits + [UInt8](repeating: UInt8(ascii: "0"), count: scale)
        return padded.lexicographicallyPrecedes(limit) || padded == limit ? .exact : .tooWide
    }

    private static func slowParse(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Double? {
        var buffer = [CChar](repeating: 0, count: end - start + 1)
        for k in start..<end { buffer[k - start] = CChar(bitPattern: p[k]) }
        return buffer.withUnsafeBufferPointer { strtod($0.baseAddress!, nil) }  // at least the terminating 0
    }
}
