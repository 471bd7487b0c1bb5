// ColumnSchema+Validation: the checks a schema read from a model file must pass before sampling.

import SynthData

extension ColumnSchema {
    /// Throws `ModelError.invalid` naming the first column whose schema entry sampling could not
    /// honour: a repeated name, decimals past 12, boolean labels that are not false then true,
    /// an identifier shape or date format that is no pattern or absurdly long.
    static func validate(_ schema: [ColumnSchema]) throws {
        var names = Set<String>()
        for field in schema {
            guard names.insert(field.name).inserted else {
                throw ModelError.invalid("the schema lists column '\(field.name)' twice")
            }
            try field.validate()
        }
    }

    private func validate() throws {
        if let decimals, !(0...ModelLimits.maximumDecimals).contains(decimals) {
            throw ModelError.invalid("the decimal places of column '\(name)' must be from 0 to \(ModelLimits.maximumDecimals)")
        }
        if let labels = booleanLabels {
            guard kind == .boolean else {
                throw ModelError.invalid("column '\(name)' is \(kind.rawValue) but has boolean labels")
            }
            // Empty: a boolean without a spelling of its own, written false/true.
            guard labels.isEmpty || (labels.count == 2 && labels[0] != labels[1]) else {
                throw ModelError.invalid("the boolean labels of column '\(name)' must be two different labels, false then true")
            }
        }
        if let shape = identifierShape {
            guard isIdentifier else {
                throw ModelError.invalid("column '\(name)' is not an identifier but has an identifier shape")
            }
            guard shape.count <= ModelLimits.maximumPatternLength else {
                throw ModelError.invalid("the identifier shape of column '\(name)' is longer than \(ModelLimits.maximumPatternLength) characters")
            }
            guard IdentifierShape(pattern: shape) != nil else {
                throw ModelError.invalid("the identifier shape of column '\(name)' ends in a lone '\\'")
            }
        }
        if let format, format.count > ModelLimits.maximumPatternLength {
            throw ModelError.invalid("the date format of column '\(name)' is longer than \(ModelLimits.maximumPatternLength) characters")
        }
    }

    /// Whether a model synthesizes this column (identifiers and free text never reach one).
    var isModelled: Bool { !isIdentifier && kind != .text }
}
