// PrivateBounds: a numeric column's lower and upper bound estimated under zCDP, for columns
// whose domain the user asks synth to estimate rather than declare.

import Foundation
import SynthCore

public enum PrivateBounds {
    /// Bounds enclosing nearly all of `values` (present values only), spending exactly `rho`.
    /// `integer` rounds the bounds outward to whole numbers.
    public static func estimate(_ values: [Double], rho: Double, integer: Bool, rng: inout SeededRNG) -> (lower: Double, upper: Double) {
        fatalError("not implemented")
    }
}
