// DescribeRenderer: the `describe` cell, one line per column with a sparkline histogram.

import SynthCore
import SynthData

public enum DescribeRenderer {
    /// At most this many bars per histogram.
    static let sparklineWidth = 16

    public static func render(_ table: Table, summaries: [ColumnSummary], findings: [IdentifierFinding],
                              synthetic: Bool) -> String {
        var out = TableRenderer.headline(table) + (synthetic ? " (synthetic)" : " (real data)") + "\n"
        var grid = TextTable(headers: ["column", "kind", "role", "missing", "distinct", "summary", "histogram"],
                             alignments: [.left, .left, .left, .right, .right, .left, .left])
        for summary in summaries {
            grid.add([
                summary.name,
                summary.kind.rawValue,
                summary.role == .attribute ? "-" : summary.role.rawValue,
                summary.count == 0 ? "-" : NumberFormat.percent(Double(summary.missing) / Double(summary.count)),
                String(summary.distinct),
                summaryText(summary),
                // Categories are ranked by count; a long tail is cut at the sparkline's width.
                summary.role == .identifier ? "" : Sparkline.render(Array(summary.histogram.prefix(sparklineWidth))),
            ])
        }
        out += grid.render()
        if !findings.isEmpty { out += identifierNote(findings) + "\n" }
        return out
    }

    /// The warning about likely direct identifiers found on load.
    public static func identifierNote(_ findings: [IdentifierFinding]) -> String {
        let list = findings.map { "\($0.column) (\($0.reason))" }.joined(separator: ", ")
        return "! likely direct identifiers: \(list); role set to identifier, they never reach a model"
    }

    static func summaryText(_ s: ColumnSummary) -> String {
        if s.role == .identifier { return "never modelled" }
        if s.count == s.missing { return "all missing" }
        switch s.kind {
        case .numeric, .integer:
            return "min \(num(s.min)) max \(num(s.max)) mean \(num(s.mean)) sd \(num(s.sd))"
        case .date:
            return "\(date(s.min, pattern: nil)) .. \(date(s.max, pattern: nil))"
        case .datetime:
            return "\(DateCodec.formatDateTime(seconds: s.min ?? 0, pattern: nil)) .. \(DateCodec.formatDateTime(seconds: s.max ?? 0, pattern: nil))"
        case .boolean, .categorical, .identifier, .text:
            let present = max(1, s.count - s.missing)
            let top = s.topLevels.prefix(3).map { "\(truncate($0.level)) \(NumberFormat.percent(Double($0.count) / Double(present)))" }
            return top.joined(separator: ", ") + (s.distinct > 3 ? ", ..." : "")
        }
    }

    private static func num(_ value: Double?) -> String {
        value.map { NumberFormat.compact($0) } ?? "-"
    }

    private static func date(_ value: Double?, pattern: String?) -> String {
        value.map { DateCodec.formatDate(days: $0, pattern: pattern) } ?? "-"
    }

    private static func truncate(_ text: String) -> String {
        text.count > 18 ? String(text.prefix(17)) + "…" : text
    }
}
