// ByteInterner: dictionary-encodes byte strings to dense codes in first-appearance order.

/// An open-addressing hash table from byte strings to codes 0, 1, 2... (no per-value String).
struct ByteInterner {
    private(set) var arena: [UInt8] = []
    private(set) var offsets: [Int] = [0]
    private var slots: [Int32]
    private var hashes: [UInt64] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 64
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: -1, count: size)
        mask = size - 1
    }

    var count: Int { offsets.count - 1 }

    /// The code of `p[start..<end]`, adding it if new.
    @inline(__always)
    mutating func intern(_ p: UnsafePointer<UInt8>, _ start: Int, _ end: Int) -> Int32 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for k in start..<end { h = (h ^ UInt64(p[k])) &* 0x100_0000_01b3 }
        var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
        let length = end - start
        while true {
            let code = slots[slot]
            if code < 0 { break }
            let c = Int(code)
            if hashes[c] == h && offsets[c + 1] - offsets[c] == length && matches(c, p, start, length) { return code }
            slot = (slot + 1) & mask
        }
        let code = Int32(count)
        arena.append(contentsOf: UnsafeBufferPointer(start: p + start, count: length))
        offsets.append(arena.count)
        hashes.append(h)
        slots[slot] = code
        if count * 2 > slots.count { grow() }
        return code
    }

    private func matches(_ c: Int, _ p: UnsafePointer<UInt8>, _ start: Int, _ length: Int) -> Bool {
        let from = offsets[c]
        return arena.withUnsafeBufferPointer { a in
            for k in 0..<length where a[from + k] != p[start + k] { return false }
            return true
        }
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        mask = size - 1
        for c in 0..<count {
            let h = hashes[c]
            var slot = Int(truncatingIfNeeded: h ^ (h >> 29)) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(c)
        }
    }

    /// The text of every code, in code order.
    func strings() -> [String] {
        arena.withUnsafeBufferPointer { a in
            (0..<count).map { c in String(decoding: UnsafeBufferPointer(rebasing: a[offsets[c]..<offsets[c + 1]]), as: UTF8.self) }
        }
    }
}
