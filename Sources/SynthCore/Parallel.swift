// Deterministic data parallelism: results are collected by index, never by completion order.

import Dispatch
import Foundation

public enum Parallel {
    /// Computes `body(i)` for every `i` in `0..<count`, spread over the cores, and returns the
    /// results in index order. `body` must depend only on `i` (and values it captures), so the
    /// result is the same whatever the thread count.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if count == 0 { return [] }
        if count == 1 || threadCount == 1 { return (0..<count).map(body) }
        let box = ResultBox<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            box.set(index, body(index))
        }
        return box.values()
    }

    /// `map` for long work that Ctrl-C may stop: iterations not yet started are skipped once
    /// cancellation is requested, and then `CancellationError` is thrown instead of returning
    /// partial results. A body may also stop early when it sees `Cancellation.isRequested`
    /// (what it returns then is thrown away), or throw; the first error by index is rethrown.
    public static func cancellableMap<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let results = map(count) { index -> Result<T, any Error>? in
            Cancellation.isRequested ? nil : Result { try body(index) }
        }
        // Checked after the map: a request that came during it voids every result.
        try Cancellation.check()
        // No iteration was skipped, or the check above would have thrown.
        return try results.map { try $0!.get() }
    }

    /// Thread count used by `map`; set from `SYNTH_THREADS` (1 forces serial execution,
    /// which the determinism tests use to compare against the parallel run).
    public static let threadCount: Int = {
        if let text = getenvString("SYNTH_THREADS"), let n = Int(text), n > 0 { return n }
        return 0
    }()

    /// How many threads `map` runs at once (for memory estimates).
    public static var workerCount: Int {
        threadCount > 0 ? threadCount : ProcessInfo.processInfo.activeProcessorCount
    }

    /// Splits `0..<total` into `chunks` contiguous, near-equal ranges (a fixed function of the
    /// arguments, so chunk boundaries do not depend on the machine).
    public static func chunks(_ total: Int, count chunks: Int) -> [Range<Int>] {
        let n = max(1, min(chunks, max(1, total)))
        return (0..<n).map { i in (total * i / n)..<(total * (i + 1) / n) }
    }
}

/// Slots written once each from concurrent iterations; every index is distinct, so no two
/// threads touch the same slot. The slots live in raw memory allocated once: writing through
/// a Swift array property from several threads would be overlapping accesses to the property
/// (a data race, and a trap under the runtime's exclusivity checks).
private final class ResultBox<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = .allocate(capacity: count)
        slots.initialize(repeating: nil, count: count)
    }

    deinit {
        slots.deinitialize(count: count)
        slots.deallocate()
    }

    func set(_ index: Int, _ value: T) { slots[index] = value }

    /// Every slot, once `map` has set each of them.
    func values() -> [T] { (0..<count).map { slots[$0]! } }
}

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

private func getenvString(_ name: String) -> String? {
    guard let raw = getenv(name) else { return nil }
    return String(cString: raw)
}
