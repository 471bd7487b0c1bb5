// Plural: "1 row", "2 rows" in messages.

public enum Plural {
    /// `count` followed by the singular or plural noun ("1 column", "14 columns").
    public static func count(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : plural ?? singular + "s")
    }
}
