// UnionFind: disjoint sets, for the connected components of a growing tree.

/// Disjoint sets with path halving, for the connected components of the growing tree.
struct UnionFind {
    private var parent: [Int]

    init(count: Int) { parent = Array(0..<count) }

    mutating func find(_ x: Int) -> Int {
        var x = x
        while parent[x] != x {
            parent[x] = parent[parent[x]]
            x = parent[x]
        }
        return x
    }

    mutating func connected(_ a: Int, _ b: Int) -> Bool { find(a) == find(b) }

    mutating func union(_ a: Int, _ b: Int) {
        let ra = find(a), rb = find(b)
        // Attach the larger root under the smaller so the structure is a fixed function of the
        // unions made.
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }
}
