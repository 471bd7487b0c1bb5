// NearestNeighbors: exact blocked nearest-neighbour search under the Gower distance.

import SynthCore

/// The two smallest Gower distances from each query row to the reference rows, and the index
/// of the closest (the lowest index on ties).
struct NearestNeighbors: Sendable {
    var closest: [Float]
    var second: [Float]
    var index: [Int32]

    /// Query rows per parallel task, queries sharing one pass over a reference block, and
    /// reference rows per block (4 × 1024 Float accumulators stay in L1, a block of 50 columns
    /// in L2).
    static let taskRows = 64
    static let group = 4
    static let block = 1024

    /// Exact search of every row of `queries` against every row of `reference` (same columns).
    static func search(queries: GowerMatrix, reference: GowerMatrix) throws -> NearestNeighbors {
        let nq = queries.rows, nr = reference.rows, nc = queries.columns
        // A caller's slip, not input: both matrices come from one GowerEncoding's column subset.
        precondition(nc == reference.columns, "query and reference columns differ")
        guard nq > 0 else { return NearestNeighbors(closest: [], second: [], index: []) }
        guard nr > 0 else {
            let inf = [Float](repeating: .infinity, count: nq)
            return NearestNeighbors(closest: inf, second: inf, index: [Int32](repeating: -1, count: nq))
        }
        let scale = nc > 0 ? 1 / Float(nc) : 0
        let tasks = (nq + taskRows - 1) / taskRows
        // Ctrl-C: the blocks not yet searched are skipped and the search throws.
        let parts = try Parallel.cancellableMap(tasks) { task -> NearestNeighbors in
            let start = task * taskRows, end = Swift.min(nq, start + taskRows)
            var out = NearestNeighbors(closest: [], second: [], index: [])
            var acc = [Float](repeating: 0, count: group * block)
            queries.values.withUnsafeBufferPointer { q in
                reference.values.withUnsafeBufferPointer { r in
                    acc.withUnsafeMutableBufferPointer { acc in
                        var g = start
                        while g < end {
                            // A group of four queries; a short last group repeats its last row.
                            let rows = (0..<group).map { Swift.min(g + $0, end - 1) }
                            let live = Swift.min(group, end - g)
                            var best = [Float](repeating: .infinity, count: group)
                            var next = [Float](repeating: .infinity, count: group)
                            var bestIndex = [Int32](repeating: -1, count: group)
                            var j0 = 0
                            while j0 < nr {
                                let len = Swift.min(block, nr - j0)
                                // acc holds group * block floats; reference values are there when a
                                // column is (nr > 0 above), so both buffers have base addresses.
                                let a0 = acc.baseAddress!, a1 = a0 + block, a2 = a1 + block, a3 = a2 + block
                                a0.update(repeating: 0, count: group * block)
                                for c in 0..<nc {
                                    let q0 = q[c * nq + rows[0]], q1 = q[c * nq + rows[1]]
                                    let q2 = q[c * nq + rows[2]], q3 = q[c * nq + rows[3]]
                                    let col = r.baseAddress! + c * nr + j0
                                    for j in 0..<len {
                                        let x = col[j]
                                        a0[j] += Swift.min(abs(q0 - x), 1)
                                        a1[j] += Swift.min(abs(q1 - x), 1)
                                        a2[j] += Swift.min(abs(q2 - x), 1)
                                        a3[j] += Swift.min(abs(q3 - x), 1)
                                    }
                                }
                                for k in 0..<live {
                                    let a = a0 + k * block
                                    var b1 = best[k], b2 = next[k], bi = bestIndex[k]
                                    for j in 0..<len {
                                        let d = a[j]
                                        if d < b2 {
                                            if d < b1 { b2 = b1; b1 = d; bi = Int32(j0 + j) } else { b2 = d }
                                        }
                                    }
                                    best[k] = b1; next[k] = b2; bestIndex[k] = bi
                                }
                                j0 += len
                            }
                            for k in 0..<live {
                                out.closest.append(best[k] * scale)
                                out.second.append(next[k] * scale)
                                out.index.append(bestIndex[k])
                            }
                            g += live
                        }
                    }
                }
            }
            return out
        }
        return NearestNeighbors(closest: parts.flatMap(\.closest), second: parts.flatMap(\.second),
                                index: parts.flatMap(\.index))
    }
}
