// Fixed, locale-free number formatting so printed output is byte-identical everywhere.

import Foundation

public enum NumberFormat {
    /// `value` with exactly `digits` decimals ("0.912"), "NaN"/"inf" spelled out.
    public static func fixed(_ value: Double, digits: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        let text = String(format: "%.\(digits)f", value)
        return text == "-" + String(format: "%.\(digits)f", 0.0) ? String(format: "%.\(digits)f", 0.0) : text
    }

    /// A compact rendering for summaries: integers without decimals, otherwise up to
    /// `significant` significant digits, no exponent for ordinary magnitudes.
    public static func compact(_ value: Double, significant: Int = 4) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "inf" : "-inf" }
        if value == value.rounded() && abs(value) < 1e15 {
            return String(Int64(value))
        }
        let magnitude = abs(value)
        if magnitude >= 1e-4 && magnitude < 1e15 {
            let intDigits = magnitude >= 1 ? Int(log10(magnitude)) + 1 : 0
            let decimals = max(0, significant - intDigits)
            var text = String(format: "%.\(decimals)f", value)
            if text.contains(".") {
                while text.hasSuffix("0") { text.removeLast() }
                if text.hasSuffix(".") { text.removeLast() }
            }
            return text == "-0" ? "0" : text
        }
        return String(format: "%.\(max(1, significant - 1))e", value)
    }

    /// Shortest text that reads back as the same Double (used when writing data files):
    /// integral values print without ".0".
    public static func roundTrip(_ value: Double) -> String {
        if value.isNaN { return "" }
        if value == value.rounded() && abs(value) < 1e15 {
            return String(Int64(value))
        }
        return "\(value)"
    }

    /// A percentage with one decimal: "12.5%".
    public static func percent(_ fraction: Double) -> String {
        fixed(fraction * 100, digits: 1) + "%"
    }
}
