// DateCodec: civil dates <-> day and second counts since 1970-01-01 (proleptic Gregorian, UTC).
// Algorithms: H. Hinnant, "chrono-Compatible Low-Level Date Algorithms".

import SynthCore

public enum DateCodec {
    /// Days since 1970-01-01 of a civil date.
    public static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The civil date of a day count, for counts within ±2^53 (`ColumnKind.wholeMagnitude`),
    /// as every date column holds; far beyond that the arithmetic would overflow.
    public static func civil(days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// A date in `pattern` (default ISO "yyyy-MM-dd"; also "dd-MM-yyyy", "MM/dd/yyyy", "dd/MM/yyyy").
    /// A count no date column holds (beyond ±2^53 days, or not finite) is written as the number.
    public static func formatDate(days: Double, pattern: String?) -> String {
        guard abs(days) <= ColumnKind.wholeMagnitude else { return NumberFormat.roundTrip(days) }
        let (y, m, d) = civil(days: Int(days.rounded(.down)))
        return render(pattern ?? "yyyy-MM-dd", y, m, d, 0, 0, 0)
    }

    /// A datetime in `pattern` (default "yyyy-MM-dd HH:mm:ss"). A count no datetime column holds
    /// (beyond ±2^53 seconds, or not finite) is written as the number.
    public static func formatDateTime(seconds: Double, pattern: String?) -> String {
        guard abs(seconds) <= ColumnKind.wholeMagnitude else { return NumberFormat.roundTrip(seconds) }
        let total = Int(seconds.rounded(.down))
        let dayCount = total >= 0 ? total / 86400 : (total - 86399) / 86400
        let rest = total - dayCount * 86400
        let (y, m, d) = civil(days: dayCount)
        return render(pattern ?? "yyyy-MM-dd HH:mm:ss", y, m, d, rest / 3600, rest % 3600 / 60, rest % 60)
    }

    private static func render(_ pattern: String, _ y: Int, _ mo: Int, _ d: Int, _ h: Int, _ mi: Int, _ s: Int) -> String {
        var out = pattern
        out = out.replacingOccurrences("yyyy", pad(y, 4))
        out = out.replacingOccurrences("MM", pad(mo, 2))
        out = out.replacingOccurrences("dd", pad(d, 2))
        out = out.replacingOccurrences("HH", pad(h, 2))
        out = out.replacingOccurrences("mm", pad(mi, 2))
        out = out.replacingOccurrences("ss", pad(s, 2))
        return out
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(abs(value))
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, width - text.count)) + text
    }
}

extension String {
    fileprivate func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return replacingCharacters(in: range, with: replacement)
    }
}
