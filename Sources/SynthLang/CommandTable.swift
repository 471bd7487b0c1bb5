// CommandTable: the signature of every command synth understands.

/// The commands of the language, in the order `help` lists them.
public enum CommandTable {
    public static let methods = ["cart", "copula", "mst"]
    public static let kinds = ["numeric", "integer", "categorical", "boolean", "date", "datetime", "identifier", "text"]
    public static let roles = ["attribute", "identifier", "quasi", "sensitive", "target"]

    public static let all: [CommandSignature] = [
        CommandSignature(
            name: "load", summary: "read a CSV/TSV file (optionally .gz) or a saved model",
            positionals: [
                PositionalParameter("model", .keyword("model"), optional: true),
                PositionalParameter("file", .path),
            ],
            options: [
                OptionParameter("missing", .stringList, default: "[\"\", \"NA\"]", "strings that mean a missing value"),
                OptionParameter("delimiter", .string, default: "\",\"", "field separator; \"\\t\" for TSV (guessed from .tsv)"),
                OptionParameter("types", .stringList,
                                "kind overrides as \"column:kind\" (dates may add a format: \"seen:date:dd/MM/yyyy\")"),
            ],
            returns: "table (or model)",
            details: """
            Types are inferred from the data: numeric, integer, categorical, boolean, date, datetime,
            identifier, text. Columns that look like direct identifiers get the role identifier.
            `load model "m.json"` reads a model written by `export m to "m.json"`.
            Examples:
              heart = load "examples/data/heart.csv"
              dia = load "diabetic_data.csv.gz" missing=["?"] types=["admission_type_id:categorical"]
            """),
        CommandSignature(
            name: "describe", summary: "summarise a table (or a model) column by column",
            positionals: [PositionalParameter("value", .value)],
            details: """
            Shows each column's kind, role, missing share, distinct values, range or top levels and a
            sparkline histogram, and flags likely direct identifiers (HIPAA Safe Harbor).
            """),
        CommandSignature(
            name: "role", summary: "set a column's role (identifier columns never reach a model)",
            positionals: [PositionalParameter("column", .column), PositionalParameter("role", .word(roles))],
            details: """
            Roles: identifier (never modelled; regenerated or dropped in samples), quasi
            (quasi-identifier), sensitive, target, attribute (the default).
            Example: role patients.mrn identifier
            """),
        CommandSignature(
            name: "drop", summary: "a copy of a table without the named columns",
            positionals: [PositionalParameter("columns", .column, variadic: true)],
            returns: "table",
            details: "Example: heart = drop heart.thal heart.ca"),
        CommandSignature(
            name: "generalize", summary: "coarsen a column in place: keep a code's first characters, or a date's year or month",
            positionals: [PositionalParameter("column", .columnOrTable)],
            options: [
                OptionParameter("prefix", .integer, "keep the first N characters of each code (zip codes, ICD codes)"),
                OptionParameter("width", .integer, default: "the longest value's width",
                                "prefix=: pad codes made only of digits with leading zeros to this width first"),
                OptionParameter("to", .word(["year", "month"]), "date and datetime columns: the first day of the year or month"),
                OptionParameter("restricted", .stringList,
                                "prefix=: codes that become all zeros (HIPAA: 3-digit zip areas of 20,000 people or fewer)"),
            ],
            details: """
            Give exactly one of prefix= and to=. prefix= applies to categorical, text, identifier
            and integer columns: the column becomes categorical with the shortened levels. When
            every value is made only of digits, shorter ones are first padded with leading zeros to
            width= (default: the longest value's width), for files whose zip codes lost their zeros
            (02139 written as 2139); give width=5 when the longest may have lost one too. to= applies
            to date and datetime columns: each becomes a date on the first day of its year (written
            yyyy) or month (written yyyy-MM); `load ... types=["dob:date:yyyy"]` reads it back.
            Missing values stay missing; the column keeps its role, and a declared domain is cleared.
            With a table instead of a column, to= applies to every date and datetime column of it
            (none is not an error). restricted= lists shortened codes replaced by zeros, as Safe
            Harbor does for zip areas of 20,000 people or fewer.
            Examples:
              generalize t.zip prefix=3
              generalize t.zip prefix=3 restricted=["036", "059", "063"]
              generalize t to=year
              generalize t.zip prefix=3 width=5
              generalize t.dob to=year
              generalize t.admit to=month
            """),
        CommandSignature(
            name: "topcode", summary: "cap a numeric column in place: values above at= become at=",
            positionals: [PositionalParameter("column", .column)],
            options: [
                OptionParameter("at", .number, required: true, "the cap: larger values become this value"),
                OptionParameter("bottom", .number, "also raise smaller values to this floor"),
            ],
            details: """
            For numeric and integer columns; missing values stay missing. HIPAA Safe Harbor
            aggregates ages over 89 into one category, "90 or older": top-code them at 90.
            Examples:
              topcode t.age at=90
              topcode t.los at=60 bottom=0
            """),
        CommandSignature(
            name: "suppress", summary: "merge rare categories of a table (or one column) in place before fitting",
            positionals: [PositionalParameter("table", .table)],
            options: [
                OptionParameter("min_count", .integer, required: true, "levels with fewer rows than this are merged"),
                OptionParameter("other", .string, default: "\"other\"",
                                "the level they are merged into (an existing level of that name takes them)"),
            ],
            details: """
            Small-cell suppression: in every categorical column of the table, or in one column
            (suppress t.race ...), levels with fewer than min_count rows are merged into one level,
            other=. When the merged level would itself hold fewer than min_count rows, its rows
            become missing instead, and the output says so. Afterwards no level of those columns
            has fewer than min_count rows. Identifier columns are left alone; a declared domain of a
            changed column is cleared. Suppression reads the real counts, so it is outside the
            guarantee of a differentially private fit: for method=mst declare domains instead.
            Codes stored as whole numbers (stage 1-4) are numbers, so a whole table's suppression
            leaves them; name the column (`suppress t.stage min_count=11`) to read a column of at
            most 20 whole numbers as categories and suppress them.
            Examples:
              suppress t min_count=11
              suppress t.race min_count=11 other="Other"
            """),
        CommandSignature(
            name: "split", summary: "split a table into training and holdout rows at random",
            positionals: [PositionalParameter("table", .table)],
            options: [
                OptionParameter("train", .number, default: "0.7", "share of rows for training"),
                OptionParameter("seed", .integer, default: "the session seed stream", "seed for this split only"),
            ],
            returns: "two tables",
            details: """
            Returns the training and the holdout rows; bind both names. Fit on the training part, and
            give the holdout to compare: it is the unseen control for privacy attacks and the test
            set for utility.
            Example:
              train, test = split patients train=0.7 seed=1
              model = fit train
              fake = sample model
              compare train fake holdout=test target=readmitted report="out/report.html"
            """),
        CommandSignature(
            name: "privacy", summary: "open a differential-privacy budget for this session or script",
            options: [
                OptionParameter("epsilon", .number, required: true, "the total epsilon every private step spends from"),
                OptionParameter("delta", .number, default: "1e-6", "the total delta (well below 1 / rows)"),
            ],
            details: """
            The budget is held as zero-concentrated DP: (epsilon, delta) becomes rho (Canonne, Kamath
            & Steinke 2020, as private-pgm's cdp2adp), and each private step asks for an epsilon at
            this delta, which costs its own rho. Spends add up in rho, so two fits of epsilon 0.5
            cost less than one of epsilon 1. A step that would overspend fails before it reads the
            data. `describe privacy` shows the ledger.
            Example:
              privacy epsilon=1 delta=1e-6
              model = fit adult method=mst epsilon=1
            """),
        CommandSignature(
            name: "domain", summary: "declare the values a column may take (needed by method=mst)",
            positionals: [PositionalParameter("column", .column), PositionalParameter("values", .value, optional: true)],
            options: [
                OptionParameter("bins", .integer, default: "32 (or one per whole number when fewer)", "equal-width bins of a range"),
                OptionParameter("breaks", .numberList, "cut a range at these values instead (breaks=[1, 5000]: 0 alone, 1-4999, 5000 up)"),
                OptionParameter("missing", .boolean, default: "false", "whether a value may be missing"),
                OptionParameter("other", .string, "the declared level that undeclared levels are mapped to"),
                OptionParameter("decimals", .integer, default: "2", "decimal places of sampled numbers (numeric columns)"),
                OptionParameter("epsilon", .number, "estimate the bounds under DP, spending this from the budget"),
            ],
            details: """
            A private fit never reads categories or bounds from the data: declare them, from the
            study's codebook or public knowledge. A range of numbers, whole numbers or dates is cut
            into equal bins (bins=) or at declared values (breaks=); a list declares levels.
            Numbers outside the range are clipped to it. Levels outside the list go to other=, or
            are missing when missing=true; otherwise the fit is refused. A missing value needs
            missing=true. Booleans need no declaration. Sampled values are drawn uniformly within
            their bin. With epsilon= and no range, the bounds are estimated under DP from the budget.
            Examples:
              domain t.age 0..120 bins=24
              domain t.admit "2001-01-01".."2012-12-31" bins=48
              domain t.gain 0..100000 breaks=[1, 5000]
              domain t.sex ["F", "M"]
              domain t.race ["White", "Black", "Other"] other="Other" missing=true
              domain t.income bins=20 epsilon=0.05
            """),
        CommandSignature(
            name: "derive", summary: "add (or replace) a column computed from other columns",
            positionals: [PositionalParameter("column", .column)],
            takesExpression: true,
            details: """
            The expression is computed for every row: arithmetic on numbers and dates (a date minus
            a date is a number of days; a date plus a number of days is a date), comparisons (a
            boolean column), or a copy of a column. A missing value gives a missing result.
            A model learns an interval better than two independent dates: derive it, drop the
            second date, fit and sample, then derive the date back on the sample.
            Examples:
              derive t.los = t.discharge - t.admit
              derive fake.discharge = fake.admit + fake.los
              derive t.bmi = t.weight / ((t.height / 100) * (t.height / 100))
            """),
        CommandSignature(
            name: "fit", summary: "learn a generative model of a table",
            positionals: [PositionalParameter("table", .table)],
            options: [
                OptionParameter("method", .word(methods), default: "cart", "the synthesizer"),
                OptionParameter("epsilon", .number, "mst: the epsilon this fit spends from the privacy budget"),
                OptionParameter("identifiers", .word(["regenerate", "drop"]), default: "regenerate",
                                "identifier columns in samples: fresh surrogates, or left out"),
                OptionParameter("smooth", .boolean, default: "true", "cart: Gaussian-kernel smoothing of numeric leaf values"),
                OptionParameter("proper", .boolean, default: "false", "cart: bootstrap the rows before fitting each tree"),
                OptionParameter("minbucket", .integer, default: "5", "cart: fewest training rows in a leaf"),
                OptionParameter("cp", .number, default: "1e-8", "cart: least relative improvement for a split"),
                OptionParameter("maxdepth", .integer, default: "30", "cart: deepest tree level"),
                OptionParameter("visit", .stringList, default: "column order",
                                "cart: the columns to synthesize, in order (others are left out)"),
                OptionParameter("order", .word(["columns", "cardinality"]), default: "columns",
                                "cart: cardinality puts categories with over 50 levels last"),
                OptionParameter("predictors", .stringList,
                                "cart: restrict predictors, as [\"col:a,b\", ...]"),
            ],
            returns: "model",
            details: """
            cart (the default): sequential CART as synthpop's syn(): each column in turn is predicted
            by a tree grown on the columns before it (Gini for categories, variance for numbers,
            minbucket 5, cp 1e-8); samples draw an observed value from the row's leaf, smoothed with a
            Gaussian kernel, and never return a value seen only once in the real data. The model
            holds observed values in its leaves. Not differentially private.
            copula: Gaussian copula with empirical marginals (numbers, dates), category frequencies,
            missingness as its own state and a normal-scores correlation matrix. Not differentially
            private.
            mst: differentially private (McKenna, Miklau & Sheldon 2021): noisy one-way marginals,
            rare cells merged, a maximum spanning tree of two-way marginals chosen by the
            exponential mechanism, its noisy two-way marginals, a graphical model fitted to them.
            Needs `privacy` first, a domain for every column (see help domain) and epsilon=. The
            model holds no value read from the data.
            Identifier columns never reach a model.
            Examples:
              model = fit heart
              model = fit dia method=cart order=cardinality minbucket=10
              model = fit heart method=copula
              model = fit adult method=mst epsilon=0.9
            """),
        CommandSignature(
            name: "constrain", summary: "a rule every sampled row of a model must satisfy",
            positionals: [PositionalParameter("model", .model)],
            conditionIsPositional: true,
            details: """
            The rule holds in every row `sample` returns: rows that break it are redrawn, and
            `sample` says how many. A rule that no draw can satisfy is an error, not a hang.
            Rules compare columns with each other or with values: comparisons, and, or, not,
            in [...], `x between low and high`, `rule when premise` (checked only where the
            premise holds), missing(t.x) / present(t.x), and fixed(t.a, t.b): only combinations
            of those columns seen in the real data (not for private models). Dates compare with
            dates written as text.
            Examples:
              constrain model t.admit <= t.discharge
              constrain model t.age between 0 and 120
              constrain model t.sex == "F" when t.pregnant == true
              constrain model missing(t.deathtime) when t.died == 0
              constrain model fixed(t.zip3, t.state)
            """),
        CommandSignature(
            name: "sample", summary: "draw synthetic rows from a model",
            positionals: [PositionalParameter("model", .model)],
            options: [
                OptionParameter("rows", .integer, default: "the training size", "how many rows"),
                OptionParameter("seed", .integer, default: "the session seed stream", "seed for this draw only"),
                OptionParameter("replicates", .word(["remove", "keep"]), default: "remove (keep for mst)",
                                "synthetic rows identical to a unique training row: replaced (and counted) or kept"),
            ],
            acceptsCondition: true,
            returns: "table",
            details: """
            A drawn row identical to a unique training row (one no other real row equals: that
            patient's own record) is replaced by a fresh draw by default, and their number is
            reported; a row that several real rows share reveals none of them and is kept. The
            sample always has rows= rows, or it is an error that says why. A differentially
            private (mst) sample is left as drawn: looking for copies would read the real data
            outside the guarantee. Ctrl-C stops a long draw and keeps the session as it was.
            With `where`, only rows meeting the condition are kept, drawing until there are enough
            (conditional sampling by rejection); a condition too rare to meet is an error.
            A copula draws exactly given the rarest one-column comparison (`t.age > 85`), so rare rows come fast.
            Examples:
              fake = sample model rows=1000
              old = sample model rows=500 where t.age >= 65 and t.sex == "F"
            """),
        CommandSignature(
            name: "compare", summary: "fidelity of a synthetic table against the real one",
            positionals: [PositionalParameter("real", .table), PositionalParameter("synthetic", .table)],
            options: [
                OptionParameter("holdout", .table, "real rows the model never saw: privacy attacks and utility"),
                OptionParameter("target", .word([]), "column to predict for train-synthetic-test-real (needs holdout=)"),
                OptionParameter("report", .path, "also write a self-contained HTML report to this file"),
                OptionParameter("details", .boolean, default: "false", "list every column, pair and attack"),
            ],
            returns: "report",
            details: """
            Fidelity: column shapes (KS / TV complement), column pair trends (correlation /
            contingency similarity, numbers in 10 bins) and their mean, the overall quality, as
            SDMetrics' QualityReport; missing-value similarity, category and range coverage.
            Utility: propensity pMSE and S_pMSE (logistic and CART, as synthpop's utility.gen); with
            holdout= and target=, train-on-synthetic-test-on-real against train-on-real.
            Privacy: synthetic rows that copy a real row; with holdout=, the DCR share (0.5 is
            ideal), NNDR, and anonymeter's singling-out, linkability and inference attacks (risk =
            (main - control) / (1 - control) with a 95% Wilson interval).
            Examples:
              compare heart fake
              r = compare train fake holdout=test target=num report="out/report.html"
              export r to "out/report.json"
            """),
        CommandSignature(
            name: "export", summary: "write a table (CSV) or a model (JSON) to a file",
            positionals: [
                PositionalParameter("value", .value), PositionalParameter("to", .keyword("to")),
                PositionalParameter("file", .path),
            ],
            details: """
            Tables are written as CSV, models as versioned JSON. The file is written to a temporary
            name and renamed, never left half-written. Real tables are refused: only synthetic data
            leaves synth. A file the session has read (a loaded table or model, the script, a
            module) is never written over; only regular files are written (not folders, devices or
            FIFOs); replacing a file and creating a folder are said.
            Examples:
              export fake to "out/heart_synthetic.csv"
              export model to "out/model.json"
            """),
        CommandSignature(
            name: "seed", summary: "seed the session's random stream",
            positionals: [PositionalParameter("seed", .integer)],
            details: "Same script, data and seed give byte-identical output. Example: seed 42"),
        CommandSignature(
            name: "save", summary: "write the statements that succeeded this session as a script",
            positionals: [PositionalParameter("file", .path)],
            details: "Example: save \"session.synth\""),
        CommandSignature(
            name: "print", summary: "show values",
            positionals: [PositionalParameter("values", .value, optional: true, variadic: true)],
            details: "Example: print \"rows:\" fake"),
        CommandSignature(
            name: "help", summary: "list commands, or explain one",
            positionals: [PositionalParameter("topic", .word([]), optional: true)],
            details: "Examples: help, help fit, help language"),
    ]

    /// The signature named `verb`, if any.
    public static func signature(_ verb: String) -> CommandSignature? {
        all.first { $0.name == verb }
    }

    public static var names: [String] { all.map(\.name) }
}
