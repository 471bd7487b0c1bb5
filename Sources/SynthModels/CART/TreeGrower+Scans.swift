// TreeGrower+Scans: ordering a node's rows by a predictor and scanning every cut with running sums.

extension TreeGrower {
    /// Counts classes of `codes[lo..<hi]` into `totals` (left set for the caller to clear);
    /// returns the majority class (lowest code on ties) and Σ count².
    func count(_ totals: inout [Int32], _ codes: [Int32], _ lo: Int, _ hi: Int) -> (Int, Double) {
        var best: Int32 = 0, majority = Int.max, sq = 0.0
        for i in lo..<hi {
            let c = Int(codes[i])
            let t = totals[c]
            sq += Double(2 * t + 1)
            totals[c] = t + 1
            if t + 1 > best || (t + 1 == best && c < majority) { best = t + 1; majority = c }
        }
        return (majority == Int.max ? 0 : majority, sq)
    }

    /// Orders the levels present among the gathered rows and replaces each key by its position:
    /// by mean response (numbers), or by the share of `majority` (classes).
    mutating func orderLevels(_ m: Int, majority: Int) {
        present.removeAll(keepingCapacity: true)
        for i in 0..<m {
            let k = Int(bufKeys[i])
            if levelCount[k] == 0 { present.append(Int32(k)) }
            levelCount[k] += 1
            if isNumeric {
                levelScore[k] += bufY[i]
            } else if Int(bufC[i]) == majority {
                levelScore[k] += 1
            }
        }
        var keyed = present.map { k in (levelScore[Int(k)] / Double(levelCount[Int(k)]), k) }
        keyed.sort { $0.0 != $1.0 ? $0.0 < $1.0 : $0.1 < $1.1 }
        for (p, entry) in keyed.enumerated() {
            let k = Int(entry.1)
            present[p] = entry.1
            levelPos[k] = Int32(p)
            levelCount[k] = 0
            levelScore[k] = 0
        }
        for i in 0..<m { bufKeys[i] = levelPos[Int(bufKeys[i])] }
    }

    /// Puts the gathered rows in key order (stable) into `sortedKeys` and `sortedY`/`sortedC`.
    mutating func sortByKey(_ m: Int, minKey: Int32, maxKey: Int32) {
        let range = Int(maxKey - minKey) + 1
        if range <= 4 * m + 64 {
            for k in 0..<range { bucket[k] = 0 }
            for i in 0..<m { bucket[Int(bufKeys[i] - minKey)] += 1 }
            var sum: Int32 = 0
            for k in 0..<range { let c = bucket[k]; bucket[k] = sum; sum += c }
            for i in 0..<m {
                let b = Int(bufKeys[i] - minKey)
                let p = Int(bucket[b])
                bucket[b] += 1
                sortedKeys[p] = bufKeys[i]
                if isNumeric { sortedY[p] = bufY[i] } else { sortedC[p] = bufC[i] }
            }
        } else {
            if packed.count < m { packed = [UInt64](repeating: 0, count: idx.count) }
            for i in 0..<m { packed[i] = UInt64(UInt32(bufKeys[i])) << 32 | UInt64(UInt32(i)) }
            packed[0..<m].sort()
            for i in 0..<m {
                let j = Int(packed[i] & 0xFFFF_FFFF)
                sortedKeys[i] = bufKeys[j]
                if isNumeric { sortedY[i] = bufY[j] } else { sortedC[i] = bufC[j] }
            }
        }
    }

    /// Best cut of the sorted rows for a numeric response: maximises sL²/nL + sR²/nR − s²/n
    /// (the drop in the sum of squares), sums taken about the mean. Returns (gain, last left index).
    func scanNumeric(_ m: Int) -> (Double, Int)? {
        var mean = 0.0
        for i in 0..<m { mean += sortedY[i] }
        mean /= Double(m)
        var total = 0.0
        for i in 0..<m { total += sortedY[i] - mean }
        let base = total * total / Double(m)
        var sumLeft = 0.0
        var bestGain = 0.0, bestAt = -1
        let lastCut = m - minBucket
        for i in 0..<(m - 1) {
            sumLeft += sortedY[i] - mean
            let nl = i + 1
            if nl < minBucket || nl > lastCut || sortedKeys[i] == sortedKeys[i + 1] { continue }
            let sr = total - sumLeft
            let gain = sumLeft * sumLeft / Double(nl) + sr * sr / Double(m - nl) - base
            if gain > bestGain { bestGain = gain; bestAt = i }
        }
        return bestAt < 0 ? nil : (bestGain, bestAt)
    }

    /// Best cut for a class response: maximises ΣL²/nL + ΣR²/nR − ΣT²/n (the drop in n × Gini),
    /// the sums of squared class counts updated in O(1) per row. Totals T are the node's
    /// (`useNode`) or those of the present rows.
    mutating func scanClasses(_ m: Int, useNode: Bool, sumSq: Double) -> (Double, Int)? {
        let base = sumSq / Double(m)
        var sqLeft = 0.0, sqRight = sumSq
        var bestGain = 0.0, bestAt = -1
        let lastCut = m - minBucket
        for i in 0..<(m - 1) {
            let c = Int(sortedC[i])
            let l = classLeft[c]
            sqLeft += Double(2 * l + 1)
            classLeft[c] = l + 1
            let r = (useNode ? nodeTotal[c] : classTotal[c]) - l
            sqRight -= Double(2 * r - 1)
            let nl = i + 1
            if nl < minBucket || nl > lastCut || sortedKeys[i] == sortedKeys[i + 1] { continue }
            let gain = sqLeft / Double(nl) + sqRight / Double(m - nl) - base
            if gain > bestGain { bestGain = gain; bestAt = i }
        }
        for i in 0..<m { classLeft[Int(sortedC[i])] = 0 }
        return bestAt < 0 ? nil : (bestGain, bestAt)
    }
}
