// DateCodec parsing: fixed-width date and datetime patterns read back to day and second counts.

extension DateCodec {
    /// Date patterns recognised by inference, in the order they are tried.
    public static let datePatterns = ["yyyy-MM-dd", "dd-MM-yyyy", "MM/dd/yyyy", "dd/MM/yyyy", "yyyy/MM/dd", "dd.MM.yyyy"]
    /// Date patterns read only when `types=` names them: a bare year or year-month (what
    /// `generalize ... to=year|month` writes) would otherwise swallow columns of 4-digit codes.
    public static let explicitDatePatterns = ["yyyy", "yyyy-MM"]
    /// Datetime patterns recognised by inference, in the order they are tried.
    public static let dateTimePatterns = [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm",
        "MM/dd/yyyy HH:mm:ss", "MM/dd/yyyy HH:mm", "dd/MM/yyyy HH:mm:ss", "dd/MM/yyyy HH:mm",
        "dd-MM-yyyy HH:mm:ss", "dd-MM-yyyy HH:mm", "dd.MM.yyyy HH:mm",
    ]

    /// A date or datetime written as text, in the units a column of `kind` stores (days for
    /// dates, seconds for datetimes): `format` first, then the usual patterns; a datetime also
    /// takes a bare date (midnight). Nil when the text is no such date.
    public static func value(of text: String, kind: ColumnKind, format: String?) -> Double? {
        let own = format.map { [$0] } ?? []
        let day = (own + datePatterns + explicitDatePatterns).lazy.compactMap { parseDate(text, pattern: $0) }.first
        switch kind {
        case .date: return day
        case .datetime:
            return (own + dateTimePatterns).lazy.compactMap { parseDateTime(text, pattern: $0) }.first ?? day.map { $0 * 86400 }
        default: return nil
        }
    }

    /// Days since 1970-01-01 of `text` in `pattern` (fixed width, zero padded), or nil.
    public static func parseDate(_ text: String, pattern: String) -> Double? {
        parse(text, pattern).map { Double(days(year: $0.year, month: $0.month, day: $0.day)) }
    }

    /// Seconds since the epoch of `text` in `pattern` (fixed width, zero padded), or nil.
    public static func parseDateTime(_ text: String, pattern: String) -> Double? {
        parse(text, pattern).map { f in
            Double(days(year: f.year, month: f.month, day: f.day)) * 86400
                + Double(f.hour * 3600 + f.minute * 60 + f.second)
        }
    }

    /// The fields of `text` read by `pattern`: `yyyy` is four digits, `MM dd HH mm ss` two
    /// digits each, any other pattern character must appear literally.
    static func parse(_ text: String, _ pattern: String)
        -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int)? {
        let t = Array(text.utf8), q = Array(pattern.utf8)
        guard t.count == q.count else { return nil }
        var year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0
        var i = 0
        func number(_ width: Int) -> Int? {
            var value = 0
            for k in i..<(i + width) {
                let d = t[k] &- 48
                if d > 9 { return nil }
                value = value * 10 + Int(d)
            }
            return value
        }
        while i < q.count {
            let rest = q.count - i
            if rest >= 4 && q[i] == 121 && q[i + 1] == 121 && q[i + 2] == 121 && q[i + 3] == 121 {
                guard let v = number(4) else { return nil }
                year = v
                i += 4
            } else if rest >= 2 && q[i] == q[i + 1] && [77, 100, 72, 109, 115].contains(q[i]) {
                guard let v = number(2) else { return nil }
                switch q[i] {
                case 77: month = v
                case 100: day = v
                case 72: hour = v
                case 109: minute = v
                default: second = v
                }
                i += 2
            } else {
                if t[i] != q[i] { return nil }
                i += 1
            }
        }
        guard month >= 1, month <= 12, day >= 1, day <= daysInMonth(year: year, month: month),
              hour < 24, minute < 60, second < 60 else { return nil }
        return (year, month, day, hour, minute, second)
    }

    /// Days in `month` of `year` (proleptic Gregorian).
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
