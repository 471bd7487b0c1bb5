// HTMLText: entity escaping and the small number formats the HTML report shares.

import SynthCore
import SynthData

/// Text helpers for the HTML report: everything from data or names goes through `escape`.
enum HTMLText {
    /// `text` with `&`, `<`, `>`, `"` and `'` replaced by entities, safe in content and attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text.unicodeScalars {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than tab and newline have no place in a report.
                if ch.value < 0x20 && ch != "\t" && ch != "\n" { out += "\u{FFFD}" } else { out.unicodeScalars.append(ch) }
            }
        }
        return out
    }

    /// A score with three decimals, "–" when there was nothing to score.
    static func score(_ value: Double) -> String { value.isNaN ? "–" : NumberFormat.fixed(value, digits: 3) }

    /// A fraction as a percentage, "–" for NaN.
    static func percent(_ value: Double) -> String { value.isNaN ? "–" : NumberFormat.percent(value) }

    /// An SVG coordinate: one decimal, locale-free.
    static func coord(_ value: Double) -> String { NumberFormat.fixed(value, digits: 1) }

    /// A CSS class grading a 0–1 score: good (≥ .9), fair (≥ .75) or weak.
    static func grade(_ value: Double) -> String {
        if value.isNaN { return "none" }
        return value >= 0.9 ? "good" : value >= 0.75 ? "fair" : "weak"
    }

    /// `text` cut to `limit` characters with an ellipsis (labels in charts).
    static func shortened(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// `text` cut to `limit` characters in the middle, keeping the end, which often tells
    /// similar names apart ("lab_me…ment_12").
    static func middleShortened(_ text: String, _ limit: Int) -> String {
        guard text.count > limit else { return text }
        let tail = (limit - 1) / 2, head = limit - 1 - tail
        return String(text.prefix(head)) + "…" + String(text.suffix(tail))
    }

    /// Days since 1970-01-01 as yyyy-MM-dd.
    static func date(days: Double) -> String {
        DateCodec.formatDate(days: days, pattern: nil)
    }
}
