// HelpText: `help`, `help <command>` and `help language`, all drawn from the command table.

/// The text of the REPL's help. Returns plain strings; the caller prints them.
public enum HelpText {
    /// Every topic `help` knows: the command names and `language`.
    public static var topics: [String] { CommandTable.names + ["language", "stdlib"] }

    /// Every command with its one-line summary.
    public static func overview() -> String {
        let width = CommandTable.names.map(\.count).max() ?? 0
        var lines = ["Commands:"]
        for signature in CommandTable.all {
            lines.append("  " + padded(signature.name, width) + "  " + signature.summary)
        }
        lines.append("")
        lines.append("Type 'help <command>' for its usage and options, 'help language' for the language,")
        lines.append("'help stdlib' for the procedures written in synth (use \"safe_harbor\", ...).")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Usage, summary, options with defaults, and details of one command; nil if unknown.
    public static func command(_ name: String) -> String? {
        guard let signature = CommandTable.signature(name) else { return nil }
        var lines = ["usage: \(signature.usage)", "", "  \(signature.summary)"]
        if let returns = signature.returns {
            lines.append("  returns: \(returns)  (bind it: x = \(signature.name) ...)")
        }
        if !signature.options.isEmpty {
            lines.append("")
            lines.append("options:")
            let shown = signature.options.map { "\($0.name)=\($0.type.placeholder)" }
            let width = shown.map(\.count).max() ?? 0
            for (option, text) in zip(signature.options, shown) {
                var line = "  " + padded(text, width) + "  " + option.summary
                if option.required {
                    line += " (required)"
                } else if let value = option.defaultValue {
                    line += " (default: \(value))"
                }
                lines.append(line)
            }
        }
        if signature.acceptsWhere {
            lines.append("")
            lines.append("  where <condition> keeps only the rows for which the condition holds.")
        }
        if !signature.details.isEmpty {
            lines.append("")
            lines.append(contentsOf: signature.details.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "  " + $0 })
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `command(name)`, or the language reference for `language`.
    public static func topic(_ name: String) -> String? {
        name == "language" ? language() : command(name)
    }

    /// A concise reference of the language.
    public static func language() -> String {
        """
        The synth language

        Statements    one per line. A line continues when it ends in an operator, '=' or ',',
                      inside ( ) or [ ], or after a trailing backslash \\.
        Comments      '#' to the end of the line.
        Bindings      name = <command or expression>    e.g.  model = fit heart
                      A bare command or expression shows its result.
        Commands      a verb, positional arguments, then name=value options:
                      fake = sample model rows=1000 seed=7
                      ('where <condition>' is reserved for commands that filter rows.)
                      Contextual words such as 'to' are part of the command:
                      export fake to "out/fake.csv"
        Values        numbers 42 3.5 1e-6, strings "text" or 'text' (escapes \\" \\' \\\\ \\n \\t),
                      true false, lists ["", "NA"], tables, models, reports.
                      table.column names a column: role patients.mrn identifier;
                      quote a name that is not a word: dia."glyburide-metformin".
                      low..high is a range, as an argument of domain: domain t.age 0..120
        Expressions   arithmetic + - * / %, comparisons == != < <= > >=, membership x in [...],
                      and, or, not.  Precedence, lowest first: or, and, not, comparisons and in,
                      + -, * / %, unary -, then .member and calls f(x).
        Procedures    def name(p1, p2)
                        ...statements...
                        return <expression>
                      end
                      Call them like functions: patients = safe_harbor(patients)
        Built-ins     rows(t), columns(t), len(x). A call's '(' touches its name, f(x);
                      with a space, print x (y) passes two arguments.
        Modules       use "name" loads stdlib/name.synth (or a relative path).
        Seed          seed 2026 makes every random draw reproducible.
        Privacy       privacy epsilon=1 delta=1e-6 opens a budget; fit ... method=mst epsilon=0.5
                      spends from it; describe privacy shows the ledger.
        Keywords      def end use return and or not in true false where
        """ + "\n"
    }

    private static func padded(_ text: String, _ width: Int) -> String {
        text + String(repeating: " ", count: max(0, width - text.count))
    }
}
