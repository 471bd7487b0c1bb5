// Completion: tab-completion candidates for a REPL line. Pure logic over the command table.

/// Computes what the word under the cursor could become.
public enum Completion {
    /// Candidates for the word ending at `cursor` (a character offset into `line`), sorted.
    /// Each candidate replaces that whole word: after `t.a` they read `t.age`; inside an
    /// unterminated string they are paths (the text after the quote), directories ending in `/`.
    public static func candidates(line: String, cursor: Int, context: CompletionContext) -> [String] {
        let chars = Array(line)
        let prefix = Array(chars[0..<min(max(cursor, 0), chars.count)])
        switch lexicalState(prefix) {
        case .comment: return []
        case let .string(quote): return paths(String(prefix[(quote + 1)...]), context: context)
        case .code: break
        }
        var start = prefix.count
        while start > 0, isWordCharacter(prefix[start - 1]) { start -= 1 }
        let word = String(prefix[start...])
        let before = String(prefix[..<start])

        if let dot = word.lastIndex(of: ".") {
            let base = String(word[..<dot])
            let typed = String(word[word.index(after: dot)...])
            let columns = context.columns(of: base) ?? []
            return Set(columns.filter { $0.hasPrefix(typed) }.map { "\(base).\($0)" }).sorted()
        }
        let words = candidateWords(before: before, context: context)
        return Set(words.filter { $0.hasPrefix(word) }).sorted()
    }

    /// Where the word that `candidates` completes begins, as a character offset into `line`:
    /// just after an open quote inside a string, else the start of the trailing name or
    /// `table.column`. The REPL replaces `line[start..<cursor]` with the chosen candidate.
    public static func replacementStart(line: String, cursor: Int) -> Int {
        let chars = Array(line)
        let prefix = Array(chars[0..<min(max(cursor, 0), chars.count)])
        if case let .string(quote) = lexicalState(prefix) { return quote + 1 }
        var start = prefix.count
        while start > 0, isWordCharacter(prefix[start - 1]) { start -= 1 }
        return start
    }

    /// Converts a UTF-8 byte offset (what readline reports) into the character offset used here.
    public static func characterOffset(utf8Offset: Int, in line: String) -> Int {
        var bytes = 0
        var characters = 0
        for c in line {
            if bytes >= utf8Offset { break }
            bytes += c.utf8.count
            characters += 1
        }
        return characters
    }

    // MARK: - Context

    private static func candidateWords(before: String, context: CompletionContext) -> [String] {
        let statementStart = CommandTable.names + context.variableNames
        var tokens = Lexer.tokenize(before, file: "<completion>").filter {
            $0.kind != .newline && $0.kind != .endOfInput
        }
        // Drop the binding: `name =` or `a, b =` (names separated by commas, then '=').
        var names = 0
        while names + 1 < tokens.count, tokens[names].identifier != nil, tokens[names + 1].isSymbol(.comma) { names += 2 }
        if names + 1 < tokens.count, tokens[names].identifier != nil, tokens[names + 1].isSymbol(.assign) {
            tokens.removeFirst(names + 2)
        }
        guard let verb = tokens.first else { return statementStart }
        guard let name = verb.identifier, let signature = CommandTable.signature(name) else {
            return context.variableNames
        }
        if tokens.contains(where: { $0.isKeyword(.where) }) { return context.variableNames }
        if let last = tokens.last, last.isSymbol(.assign), tokens.count >= 2,
           let optionName = tokens[tokens.count - 2].identifier {
            guard let option = signature.option(optionName) else { return context.variableNames }
            return values(for: option.type, context: context)
        }
        if let last = tokens.last, case .symbol = last.kind, !last.isSymbol(.rightParen), !last.isSymbol(.rightBracket) {
            return context.variableNames
        }
        let (arguments, usedOptions) = commandSoFar(tokens)
        var words = signature.options.filter { !usedOptions.contains($0.name) }.map { "\($0.name)=" }
        if usedOptions.isEmpty {
            words += nextPositionalWords(signature, arguments: arguments, context: context)
        }
        if signature.acceptsWhere && !arguments.isEmpty { words.append("where") }
        return words
    }

    /// Positional arguments (as their first tokens) and option names typed after the verb.
    private static func commandSoFar(_ tokens: [Token]) -> (arguments: [Token], options: Set<String>) {
        var arguments: [Token] = []
        var options: Set<String> = []
        var nesting = 0
        var inOptionValue = false
        var index = 1
        while index < tokens.count {
            let token = tokens[index]
            if token.isSymbol(.leftParen) || token.isSymbol(.leftBracket) {
                if nesting == 0 && !inOptionValue { arguments.append(token) }
                nesting += 1
            } else if token.isSymbol(.rightParen) || token.isSymbol(.rightBracket) {
                nesting = max(0, nesting - 1)
                if nesting == 0 { inOptionValue = false }
            } else if nesting == 0 {
                if let name = token.identifier, index + 1 < tokens.count, tokens[index + 1].isSymbol(.assign) {
                    options.insert(name)
                    index += 2
                    inOptionValue = true
                    continue
                }
                if inOptionValue {
                    // The first token of an option's value; brackets are followed above.
                    inOptionValue = false
                    index += 1
                    continue
                }
                if token.isSymbol(.dot), index + 1 < tokens.count {
                    index += 2
                    continue
                }
                if token.isSymbol(.minus) {
                    index += 1
                    continue
                }
                arguments.append(token)
            }
            index += 1
        }
        return (arguments, options)
    }

    /// What the next positional argument may be: its contextual word, its word choices, or a variable.
    private static func nextPositionalWords(_ signature: CommandSignature, arguments: [Token],
                                            context: CompletionContext) -> [String] {
        var next = 0
        var words: [String] = []
        for parameter in signature.positionals {
            if case let .keyword(word) = parameter.type {
                if next < arguments.count, arguments[next].identifier == word {
                    next += 1
                    continue
                }
                if next < arguments.count { return [] }
                words.append(word)
                if parameter.optional { continue }
                return words
            }
            if next < arguments.count {
                next += parameter.variadic ? arguments.count - next : 1
                if parameter.variadic { return words + values(for: parameter.type, context: context) }
                continue
            }
            // `describe privacy` shows the privacy ledger.
            let extra = signature.name == "describe" && !context.variableNames.contains("privacy") ? ["privacy"] : []
            return words + (values(for: parameter.type, context: context) + extra).sorted()
        }
        return words
    }

    /// Words that can stand for a value of `type`.
    private static func values(for type: ArgumentType, context: CompletionContext) -> [String] {
        switch type {
        case let .word(choices): return choices.isEmpty ? HelpText.topics : choices
        case .boolean: return ["true", "false"]
        case let .keyword(word): return [word]
        default: return context.variableNames
        }
    }

    // MARK: - Strings and paths

    private enum LexicalState {
        case code, comment
        /// Inside a string opened by the quote at this index.
        case string(Int)
    }

    /// Whether the end of `chars` sits in code, a comment, or an unterminated string.
    private static func lexicalState(_ chars: [Character]) -> LexicalState {
        var quote: Character?
        var start = 0
        var index = 0
        while index < chars.count {
            let c = chars[index]
            if let open = quote {
                if c == "\\" {
                    index += 1
                } else if c == open {
                    quote = nil
                }
            } else if c == "#" {
                return .comment
            } else if c == "\"" || c == "'" {
                quote = c
                start = index
            }
            index += 1
        }
        return quote == nil ? .code : .string(start)
    }

    private static func paths(_ typed: String, context: CompletionContext) -> [String] {
        let directory: String
        let namePrefix: String
        if let slash = typed.lastIndex(of: "/") {
            directory = String(typed[...slash])
            namePrefix = String(typed[typed.index(after: slash)...])
        } else {
            directory = ""
            namePrefix = typed
        }
        return context.directoryEntries(directory)
            .filter { $0.name.hasPrefix(namePrefix) && (namePrefix.hasPrefix(".") || !$0.name.hasPrefix(".")) }
            .map { directory + $0.name + ($0.isDirectory ? "/" : "") }
            .sorted()
    }

    private static func isWordCharacter(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || c == "_" || c == "."
    }
}
