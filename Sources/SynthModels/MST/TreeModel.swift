// TreeModel: a forest of pairwise cliques with exact marginals by belief propagation.

import Foundation

/// A graphical model whose cliques are the edges `[a, b]` (`a < b`) of a forest over the
/// columns, plus `[j]` for each column on no edge.
///
/// Log-potentials and marginals live in one flat vector, clique after clique, each clique
/// row-major (its first column varies slowest), so the optimiser works on plain arrays.
struct TreeModel: Sendable {
    /// Compressed domain size of each column.
    let sizes: [Int]
    let cliques: [[Int]]
    /// Start of each clique in the flat vector; the last entry is the total number of cells.
    let offsets: [Int]
    /// Columns in breadth-first order; each component starts at its lowest column, its root.
    let order: [Int]
    /// Each column's parent in the rooted forest, or -1 at a root.
    let parent: [Int]
    /// The clique joining each column to its parent, or -1 at a root.
    let parentClique: [Int]
    /// The edge cliques touching each column, ascending.
    let touching: [[Int]]
    /// Start, in the message vector, of the message into each clique's first / second column.
    private let intoFirst: [Int]
    private let intoSecond: [Int]
    private let messageCount: Int
    /// Start of each column's summed incoming log-messages.
    private let nodeOffsets: [Int]

    var cellCount: Int { offsets[cliques.count] }

    /// Builds the model; `cliques` must be the edges of a forest plus single columns not on
    /// any edge, so belief propagation is exact. The preconditions hold for a fit by
    /// construction and for a model read from a file by `MSTModel.validate`.
    init(sizes: [Int], cliques: [[Int]]) {
        self.sizes = sizes
        self.cliques = cliques
        var offsets = [0], intoFirst: [Int] = [], intoSecond: [Int] = [], messages = 0
        var touching = [[Int]](repeating: [], count: sizes.count)
        for (c, clique) in cliques.enumerated() {
            offsets.append(offsets[c] + clique.reduce(1) { $0 * sizes[$1] })
            intoFirst.append(messages)
            intoSecond.append(messages + sizes[clique[0]])
            if clique.count == 2 {
                precondition(clique[0] < clique[1], "edge cliques are ordered pairs")
                messages += sizes[clique[0]] + sizes[clique[1]]
                touching[clique[0]].append(c)
                touching[clique[1]].append(c)
            }
        }
        for clique in cliques where clique.count == 1 {
            // A lone column's potential would otherwise be left out of the messages.
            precondition(touching[clique[0]].isEmpty, "single-column cliques only for columns on no edge")
        }
        var order: [Int] = [], parent = [Int](repeating: -1, count: sizes.count)
        var parentClique = parent, seen = [Bool](repeating: false, count: sizes.count)
        for root in sizes.indices where !seen[root] {
            seen[root] = true
            var queue = [root], head = 0
            while head < queue.count {
                let column = queue[head]
                head += 1
                for c in touching[column] {
                    let other = cliques[c][0] == column ? cliques[c][1] : cliques[c][0]
                    precondition(!seen[other] || other == parent[column], "cliques must form a forest")
                    if seen[other] { continue }
                    seen[other] = true
                    parent[other] = column
                    parentClique[other] = c
                    queue.append(other)
                }
            }
            order += queue
        }
        self.offsets = offsets
        self.order = order
        self.parent = parent
        self.parentClique = parentClique
        self.touching = touching
        self.intoFirst = intoFirst
        self.intoSecond = intoSecond
        self.messageCount = messages
        self.nodeOffsets = sizes.reduce(into: [0]) { $0.append($0.last! + $1) }  // starts as [0], never empty
    }

    /// Reusable buffers for `marginals`, so an optimiser's iterations allocate nothing.
    struct Workspace {
        var potentials: [Double]
        var messages: [Double]
        var nodeLog: [Double]
        var cliqueTop: [Double]
        var scratch: [Double]
        var factors: [Double]
        var sums: [Double]
    }

    func makeWorkspace() -> Workspace {
        let widest = sizes.max() ?? 0
        return Workspace(potentials: [Double](repeating: 0, count: cellCount),
                         messages: [Double](repeating: 0, count: messageCount),
                         nodeLog: [Double](repeating: 0, count: nodeOffsets.last!),  // never empty (init)
                         cliqueTop: [Double](repeating: 0, count: cliques.count),
                         scratch: [Double](repeating: 0, count: widest),
                         factors: [Double](repeating: 0, count: widest),
                         sums: [Double](repeating: 0, count: widest))
    }

    /// The clique marginals of p(x) ∝ exp(sum_C theta_C(x_C)), each scaled to sum to `total`,
    /// written into `mu` (same layout as `theta`).
    ///
    /// Sum-product on the rooted forest: messages go up in reverse breadth-first order, then
    /// down. Messages are kept as logs; each clique's potentials are exponentiated once after
    /// subtracting their maximum, and a cell sum that underflows is redone in log space.
    func marginals(theta: [Double], total: Double, into mu: inout [Double], workspace w: inout Workspace) {
        for c in cliques.indices {
            let lo = offsets[c], hi = offsets[c + 1]
            var top = -Double.infinity
            for i in lo..<hi where theta[i] > top { top = theta[i] }
            w.cliqueTop[c] = top
            for i in lo..<hi { w.potentials[i] = exp(theta[i] - top) }
        }
        for i in w.messages.indices { w.messages[i] = 0 }
        for i in w.nodeLog.indices { w.nodeLog[i] = 0 }
        for column in order.reversed() where parent[column] >= 0 {
            send(from: column, along: parentClique[column], theta: theta, w: &w)
        }
        for column in order {
            for c in touching[column] where c != parentClique[column] {
                send(from: column, along: c, theta: theta, w: &w)
            }
        }
        for c in cliques.indices {
            if cliques[c].count == 1 {
                let lo = offsets[c], hi = offsets[c + 1]
                var sum = 0.0
                for i in lo..<hi { sum += w.potentials[i] }
                for i in lo..<hi { mu[i] = w.potentials[i] * total / sum }
            } else {
                edgeMarginal(c, theta: theta, total: total, mu: &mu, w: &w)
            }
        }
    }

    /// The log-message into `column`'s side of clique `c`.
    private func messageStart(_ c: Int, into column: Int) -> Int {
        cliques[c][0] == column ? intoFirst[c] : intoSecond[c]
    }

    /// Computes the message from `column` to the other end of edge clique `c`.
    private func send(from column: Int, along c: Int, theta: [Double], w: inout Workspace) {
        let a = cliques[c][0], b = cliques[c][1]
        let to = a == column ? b : a
        let fromFirst = a == column
        let na = sizes[a], nb = sizes[b], base = offsets[c]
        let nFrom = sizes[column], nTo = sizes[to]
        // h = the log of everything reaching `column` except what came along this edge.
        let node = nodeOffsets[column], back = messageStart(c, into: column)
        var top = -Double.infinity
        for x in 0..<nFrom {
            let h = w.nodeLog[node + x] - w.messages[back + x]
            w.scratch[x] = h
            top = max(top, h)
        }
        let thetaTop = w.cliqueTop[c]
        for x in 0..<nTo { w.sums[x] = 0 }
        if fromFirst {
            for xa in 0..<na {
                let f = exp(w.scratch[xa] - top)
                let row = base + xa * nb
                for xb in 0..<nb { w.sums[xb] += w.potentials[row + xb] * f }
            }
        } else {
            for xb in 0..<nb { w.factors[xb] = exp(w.scratch[xb] - top) }
            for xa in 0..<na {
                let row = base + xa * nb
                var s = 0.0
                for xb in 0..<nb { s += w.potentials[row + xb] * w.factors[xb] }
                w.sums[xa] = s
            }
        }
        let into = messageStart(c, into: to)
        var best = -Double.infinity
        for x in 0..<nTo {
            var value = log(w.sums[x])
            if !(w.sums[x] > 0) || !value.isFinite {
                value = logSumExp(count: nFrom) { y in
                    let cell = fromFirst ? base + y * nb + x : base + x * nb + y
                    return theta[cell] - thetaTop + w.scratch[y] - top
                }
            }
            w.messages[into + x] = value
            best = max(best, value)
        }
        // Messages are defined up to a constant; removing the maximum keeps them bounded.
        let toNode = nodeOffsets[to]
        for x in 0..<nTo {
            w.messages[into + x] -= best
            w.nodeLog[toNode + x] += w.messages[into + x]
        }
    }

    /// The marginal of edge clique `c` once all messages are in.
    private func edgeMarginal(_ c: Int, theta: [Double], total: Double, mu: inout [Double], w: inout Workspace) {
        let a = cliques[c][0], b = cliques[c][1]
        let na = sizes[a], nb = sizes[b], base = offsets[c], cells = na * nb
        let startA = nodeOffsets[a], backA = intoFirst[c]
        let startB = nodeOffsets[b], backB = intoSecond[c]
        var topA = -Double.infinity, topB = -Double.infinity
        for x in 0..<na { topA = max(topA, w.nodeLog[startA + x] - w.messages[backA + x]) }
        for x in 0..<nb {
            let h = w.nodeLog[startB + x] - w.messages[backB + x]
            w.scratch[x] = h
            topB = max(topB, h)
        }
        for x in 0..<nb { w.sums[x] = exp(w.scratch[x] - topB) }
        var sum = 0.0
        for xa in 0..<na {
            let fa = exp(w.nodeLog[startA + xa] - w.messages[backA + xa] - topA)
            let row = base + xa * nb
            for xb in 0..<nb {
                let v = w.potentials[row + xb] * fa * w.sums[xb]
                mu[row + xb] = v
                sum += v
            }
        }
        if !(sum > 1e-250) || !sum.isFinite {
            // The three maxima did not line up and the products underflowed: redo in logs.
            var top = -Double.infinity
            for xa in 0..<na {
                let ha = w.nodeLog[startA + xa] - w.messages[backA + xa]
                let row = base + xa * nb
                for xb in 0..<nb {
                    let v = theta[row + xb] + ha + w.scratch[xb]
                    mu[row + xb] = v
                    top = max(top, v)
                }
            }
            sum = 0
            for i in base..<(base + cells) {
                mu[i] = exp(mu[i] - top)
                sum += mu[i]
            }
        }
        let scale = total / sum
        for i in base..<(base + cells) { mu[i] *= scale }
    }
}

/// log(sum_i exp(term(i))) computed stably.
func logSumExp(count: Int, _ term: (Int) -> Double) -> Double {
    var top = -Double.infinity
    for i in 0..<count { top = max(top, term(i)) }
    if !top.isFinite { return top }
    var sum = 0.0
    for i in 0..<count { sum += exp(term(i) - top) }
    return top + log(sum)
}
