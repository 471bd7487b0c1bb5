// load: read a CSV/TSV table (optionally gzip-compressed) or a saved model file.
//
// `load model "path"` reads a model file whatever its name, and `load "path"` a table, except
// that a path ending in `.json` is a model file either way: scripts have written that since
// the first release, and no table format is spelled `.json`.

import Foundation
import SynthCore
import SynthData
import SynthLang
import SynthModels
import SynthReport

enum LoadCommand: CommandRunner {
    static let name = "load"

    static func run(_ context: CommandContext, scope: inout Scope) throws -> Value {
        let arguments = context.arguments
        let path = try arguments.string("file")
        let pathSpan = arguments.argumentSpan("file")
        guard FileManager.default.fileExists(atPath: path) else {
            throw Diagnostic.error("file not found: \(path)", at: pathSpan, hint: FileHint.nearby(path))
        }
        // Read, or about to be: nothing the session writes may go over it.
        context.session.noteInput(path, as: "loaded at \(pathSpan.file):\(pathSpan.line)")
        if readsModel(path, keyword: arguments.hasKeyword("model")) {
            return try loadModel(path, at: pathSpan, context: context)
        }
        var options = CSVOptions(detectIdentifiers: false)
        if let missing = try arguments.stringListOption("missing") { options.missing = missing }
        if let delimiter = try arguments.stringOption("delimiter") {
            let bytes = Array(delimiter.utf8)
            guard bytes.count == 1, bytes[0] != UInt8(ascii: "\"") else {
                throw Diagnostic.error("delimiter= needs a single character such as \",\" or \"\\t\"",
                                       at: arguments.optionSpan("delimiter"))
            }
            options.delimiter = bytes[0]
        }
        if let overrides = try arguments.stringListOption("types") {
            // The option was just read, so it is written.
            let typesExpr = arguments.optionExpr("types")!
            let spans = elementSpans(typesExpr, count: overrides.count)
            (options.types, options.formats) = try parseTypes(overrides, spans: spans)
            // A stream is read once, by the load itself: its columns are checked when it is read.
            let header = InputFile.isRegular(path) ? (try? CSVReader.readHeader(path: path, options: options)) ?? [] : []
            for (item, span) in zip(overrides, spans) {
                let column = String(item.split(separator: ":", maxSplits: 1).first ?? "").trimmingCharacters(in: .whitespaces)
                if !header.isEmpty && !header.contains(column) {
                    throw Diagnostic.error("types= names column '\(column)', which \(path) does not have", at: span,
                                           hint: Suggestion.hint(for: column, in: header))
                }
            }
        }
        context.sink.progress("loading \(path)...\n")
        let table: Table
        do {
            table = try CSVReader.read(path: path, options: options)
        } catch let error as DataError {
            throw DataDiagnostic.from(error, at: pathSpan)
        } catch let shortage as MemoryShortage {
            throw DataDiagnostic.from(.tooLarge(path: path, inflatedAtLeast: nil, shortage: shortage), at: pathSpan)
        }
        var loaded = table
        if let bound = context.boundName { loaded.name = bound }
        // Detection runs once, here, so its reasons can be shown (the reader is told not to).
        var findings = IdentifierDetector.detect(loaded)
        let flagged = Set(findings.map(\.column))
        for index in loaded.columns.indices where flagged.contains(loaded.columns[index].name) {
            loaded.columns[index].role = .identifier
        }
        // A column of kind identifier (every value distinct, or declared so) is never modelled:
        // give it the role too, so describe and fit agree.
        for index in loaded.columns.indices where loaded.columns[index].kind == .identifier && loaded.columns[index].role != .identifier {
            loaded.columns[index].role = .identifier
            findings.append(IdentifierFinding(column: loaded.columns[index].name, reason: "every value distinct"))
        }
        // Dates of events (admission, discharge, death) are quasi-identifiers under Safe Harbor:
        // modelled, and coarsened by its rule; only dates of birth are direct identifiers.
        for index in loaded.columns.indices where [.date, .datetime].contains(loaded.columns[index].kind)
            && loaded.columns[index].role == .attribute {
            loaded.columns[index].role = .quasi
        }
        let value = TableValue(table: loaded, isSynthetic: false, identifierFindings: findings)
        context.sink.output(TableRenderer.headline(loaded) + "\n")
        if !findings.isEmpty {
            context.sink.output(DescribeRenderer.identifierNote(findings) + "\n")
        }
        for warning in LoadWarnings.check(loaded, formats: options.formats) {
            context.sink.diagnostic("warning: \(path): \(warning)\n")
        }
        return .table(value)
    }

    /// Whether `load` reads a model file: the keyword says so, or the `.json` name does.
    static func readsModel(_ path: String, keyword: Bool) -> Bool {
        keyword || path.hasSuffix(".json")
    }

    private static func loadModel(_ path: String, at span: SourceSpan, context: CommandContext) throws -> Value {
        context.sink.progress("reading model \(path)...\n")
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path)
        } catch let error as DataError {
            throw DataDiagnostic.from(error, at: span)
        }
        let model: any SynthModel
        do {
            model = try ModelFile.decode(bytes)
        } catch let error as ModelError {
            throw Diagnostic.error("\(path): \(error)", at: span)
        } catch {
            throw Diagnostic.error("\(path): not a synth model file (\(error))", at: span)
        }
        context.sink.output(ModelRenderer.headline(model, name: context.boundName ?? "model") + "\n")
        return .model(ModelValue(model: model, training: nil))
    }

    /// The span of each element of a list literal (the whole expression's span otherwise).
    private static func elementSpans(_ expr: Expr, count: Int) -> [SourceSpan] {
        if case let .list(items, _) = expr, items.count == count { return items.map(\.span) }
        return Array(repeating: expr.span, count: count)
    }

    /// `["age:integer", "ca:categorical", "seen:date:dd/MM/yyyy"]` to kinds and date formats by
    /// column; errors point at the entry.
    private static func parseTypes(_ items: [String], spans: [SourceSpan]) throws -> ([String: ColumnKind], [String: String]) {
        var kinds: [String: ColumnKind] = [:]
        var formats: [String: String] = [:]
        for (item, span) in zip(items, spans) {
            let parts = item.split(separator: ":", maxSplits: 2).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count >= 2, !parts[0].isEmpty else {
                throw Diagnostic.error("types= entries look like \"column:kind\", got \"\(item)\"", at: span)
            }
            guard let kind = ColumnKind(rawValue: parts[1]) else {
                throw Diagnostic.error("unknown kind '\(parts[1])' in types=", at: span,
                                       hint: Suggestion.hint(for: parts[1], in: CommandTable.kinds)
                                           ?? "kinds: " + CommandTable.kinds.joined(separator: ", "))
            }
            if kinds[parts[0]] != nil {
                throw Diagnostic.error("types= sets column '\(parts[0])' twice", at: span)
            }
            kinds[parts[0]] = kind
            if parts.count == 3 {
                let allowed = kind == .date ? DateCodec.datePatterns + DateCodec.explicitDatePatterns
                    : kind == .datetime ? DateCodec.dateTimePatterns : []
                guard allowed.contains(parts[2]) else {
                    let hint = allowed.isEmpty ? "only date and datetime columns take a format"
                        : "formats: " + allowed.joined(separator: ", ")
                    throw Diagnostic.error("unknown \(kind.rawValue) format '\(parts[2])' in types=", at: span, hint: hint)
                }
                formats[parts[0]] = parts[2]
            }
        }
        return (kinds, formats)
    }
}

/// Turns data-layer errors into diagnostics that point into the data file.
enum DataDiagnostic {
    static func from(_ error: DataError, at span: SourceSpan) -> Diagnostic {
        switch error {
        case let .malformed(path, line, column, message):
            return Diagnostic(.error, message, at: SourceSpan(file: path, line: line, column: max(1, column)),
                              hint: "while loading at \(span.file):\(span.line)", excerpt: lineOfFile(path, line))
        case .tooLarge:
            return Diagnostic.error(error.description, at: span,
                                    hint: "load a part of the file, or run where more memory is free")
        default:
            return Diagnostic.error(error.description, at: span)
        }
    }

    /// Line `number` of a plain-text file, shortened for display; nil for compressed files and
    /// streams (what they held is gone). Lines end at LF, CRLF or a lone CR, as the reader counts.
    static func lineOfFile(_ path: String, _ number: Int) -> String? {
        guard !path.hasSuffix(".gz"), number >= 1, InputFile.isRegular(path), let handle = FileHandle(forReadingAtPath: path) else {
            return nil
        }
        defer { try? handle.close() }
        var current = 1
        var line: [UInt8] = []
        var afterCR = false
        // Chunks: the line wanted may be near the start of a large file.
        while let chunk = try? handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            for byte in chunk {
                if afterCR {
                    afterCR = false
                    if byte == 10 { continue }
                }
                if byte == 10 || byte == 13 {
                    if current == number { return shorten(line) }
                    current += 1
                    afterCR = byte == 13
                    continue
                }
                if current == number && line.count < 1000 { line.append(byte) }
            }
        }
        return current == number ? shorten(line) : nil
    }

    private static func shorten(_ bytes: [UInt8]) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}

/// Hints for a path that does not exist.
enum FileHint {
    static func nearby(_ path: String) -> String? {
        let directory = (path as NSString).deletingLastPathComponent
        let file = (path as NSString).lastPathComponent
        let listing = (try? FileManager.default.contentsOfDirectory(atPath: directory.isEmpty ? "." : directory)) ?? []
        guard let match = Suggestion.closest(to: file, in: listing.sorted()) else { return nil }
        return "did you mean '\(directory.isEmpty ? match : (directory as NSString).appendingPathComponent(match))'?"
    }
}
