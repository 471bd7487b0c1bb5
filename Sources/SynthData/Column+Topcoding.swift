// Column+Topcoding: numbers above a cap (and below a floor) set to it, as Safe Harbor does with ages.

extension Column {
    /// This numeric column with values above `cap` set to `cap` and, when `floor` is given,
    /// values below it set to `floor`; missing stays missing. Returns how many were changed.
    public func topcoded(at cap: Double, bottom floor: Double? = nil) -> (column: Column, capped: Int, raised: Int) {
        // A caller's slip, not input: TopcodeCommand refuses every other kind first.
        precondition(kind == .numeric || kind == .integer)
        var out = self
        var capped = 0, raised = 0
        for i in numbers.indices where valid[i] {
            if numbers[i] > cap {
                out.numbers[i] = cap
                capped += 1
            } else if let floor, numbers[i] < floor {
                out.numbers[i] = floor
                raised += 1
            }
        }
        return (out, capped, raised)
    }
}
