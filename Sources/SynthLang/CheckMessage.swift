// CheckMessage: the text of every signature-check error, in one place.

/// Messages of `SignatureChecker`. Tests compare against these.
public enum CheckMessage {
    /// `missing argument: fit needs <table>`.
    public static func missingArgument(_ verb: String, _ placeholders: [String]) -> String {
        "missing argument: \(verb) needs \(placeholders.joined(separator: " "))"
    }
    public static func missingOption(_ verb: String, _ option: String) -> String {
        "missing option: \(verb) needs \(option)"
    }
    public static func tooManyArguments(_ signature: CommandSignature) -> String {
        let count = signature.positionals.filter { if case .keyword = $0.type { false } else { true } }.count
        let takes = count == 0 ? "no arguments" : count == 1 ? "1 argument" : "\(count) arguments"
        return "too many arguments: \(signature.name) takes \(takes)"
    }
    public static func expectedWord(_ word: String) -> String { "expected '\(word)'" }
    public static func unknownOption(_ option: String, _ verb: String) -> String { "unknown option '\(option)' for '\(verb)'" }
    public static func duplicateOption(_ option: String) -> String { "duplicate option '\(option)'" }
    public static func wrongType(_ name: String, expected: String, got: String) -> String {
        "\(name) must be \(expected), not \(got)"
    }
    /// `unknown method 'coupla'`; for plural option names `unknown value 'cop' for identifiers=`.
    public static func unknownChoice(_ name: String, _ word: String) -> String {
        name.hasSuffix("s") ? "unknown value '\(word)' for \(name)=" : "unknown \(name) '\(word)'"
    }
    /// `generalize` takes exactly one of its two ways of coarsening.
    public static let generalizeNeedsOne = "generalize needs exactly one of prefix= (codes) and to= (dates)"
    public static func noCondition(_ verb: String) -> String { "'\(verb)' does not take a 'where' condition" }
}
