// Scope: where names resolve: a procedure's locals, then the session's globals.

/// Local variables of a running procedure; `nil` locals means the global scope.
struct Scope {
    var locals: [String: Value]?

    static let global = Scope(locals: nil)

    static func local(_ values: [String: Value]) -> Scope { Scope(locals: values) }
}
