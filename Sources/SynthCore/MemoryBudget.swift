// MemoryBudget: how much memory this process may still use, so big requests are refused
// before they allocate instead of dying in the allocator.

import Foundation

/// A request that would need more memory than the process can have.
public struct MemoryShortage: Error, Sendable, Equatable, CustomStringConvertible {
    /// Bytes the work was estimated to need.
    public var needed: Int
    /// Bytes the process may still use.
    public var available: Int
    /// The limit in bytes, and what sets it in words ("this machine has 24 GB").
    public var limitBytes: Int
    public var limit: String

    /// "needs about 37 GB; this machine has 24 GB"
    public var description: String {
        "needs about \(MemoryBudget.format(needed)); \(limit)"
            + (available < limitBytes / 10 * 9 ? " and about \(MemoryBudget.format(available)) of it is free" : "")
    }
}

/// The memory available to the process: the smallest of physical memory, a cgroup limit
/// (v2 `memory.max`, v1 `memory.limit_in_bytes`) and the rlimits on address space and data,
/// less what the process already holds. Linux; elsewhere only the rlimits and physical memory.
public enum MemoryBudget {
    /// The tightest limit and its description.
    public static func limit() -> (bytes: Int, description: String, addressSpace: Bool) {
        var best = (bytes: physicalMemory(), description: "this machine has \(format(physicalMemory()))", addressSpace: false)
        if let cgroup = cgroupLimit(), cgroup < best.bytes {
            best = (cgroup, "the memory limit of this process's cgroup is \(format(cgroup))", false)
        }
        if let space = resourceLimit(addressSpace: true), space < best.bytes {
            best = (space, "the address-space limit of this process (ulimit -v) is \(format(space))", true)
        }
        if let data = resourceLimit(addressSpace: false), data < best.bytes {
            best = (data, "the data-size limit of this process (ulimit -d) is \(format(data))", true)
        }
        return best
    }

    /// Bytes the process may still allocate.
    public static func available() -> Int {
        available(under: limit())
    }

    private static func available(under limit: (bytes: Int, description: String, addressSpace: Bool)) -> Int {
        let used = limit.addressSpace ? virtualSize() : residentSize()
        return max(0, limit.bytes - used)
    }

    /// Throws `MemoryShortage` when `bytes` exceed what the process may still allocate, less a
    /// tenth kept for the runtime, buffers and the rest of the session.
    public static func check(_ bytes: Int) throws {
        let limit = limit()
        let free = available(under: limit)
        if bytes > free - free / 10 {
            throw MemoryShortage(needed: bytes, available: free, limitBytes: limit.bytes, limit: limit.description)
        }
    }

    /// "37 GB", "512 MB", "12 KB": powers of 1024, one decimal under 10.
    public static func format(_ bytes: Int) -> String {
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB"]
        var value = Double(max(0, bytes))
        var unit = 0
        while value >= 1024 && unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(Int(value)) bytes" }
        let text = value < 10 ? NumberFormat.fixed(value, digits: 1) : String(Int(value.rounded()))
        return "\(text.hasSuffix(".0") ? String(text.dropLast(2)) : text) \(units[unit])"
    }

    // MARK: - Readings

    private static func physicalMemory() -> Int {
        Int(clamping: ProcessInfo.processInfo.physicalMemory)
    }

    /// RLIMIT_AS (address space) or RLIMIT_DATA, when set.
    private static func resourceLimit(addressSpace: Bool) -> Int? {
        var limit = rlimit()
        #if canImport(Glibc)
        let resource = addressSpace ? __rlimit_resource_t(RLIMIT_AS.rawValue) : __rlimit_resource_t(RLIMIT_DATA.rawValue)
        #else
        let resource = addressSpace ? RLIMIT_AS : RLIMIT_DATA
        #endif
        guard getrlimit(resource, &limit) == 0 else { return nil }
        // RLIM_INFINITY is all ones; Swift cannot import the C macro on glibc.
        if limit.rlim_cur == ~0 { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// The cgroup memory limit, when one is set (v2 first, then v1).
    private static func cgroupLimit() -> Int? {
        guard let groups = try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8) else { return nil }
        for line in groups.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false)
            guard parts.count == 3 else { continue }
            let path = String(parts[2])
            let candidates = parts[1].isEmpty
                ? ["/sys/fs/cgroup\(path)/memory.max", "/sys/fs/cgroup/memory.max"]
                : parts[1].split(separator: ",").contains("memory")
                    ? ["/sys/fs/cgroup/memory\(path)/memory.limit_in_bytes", "/sys/fs/cgroup/memory/memory.limit_in_bytes"]
                    : []
            for file in candidates {
                guard let text = try? String(contentsOfFile: file, encoding: .utf8) else { continue }
                let value = text.trimmingCharacters(in: .whitespacesAndNewlines)
                // "max", or v1's "no limit" (a page-rounded Int64.max).
                if let bytes = Int(value), bytes < Int(Int64.max / 2) { return bytes }
                break
            }
        }
        return nil
    }

    /// Resident and virtual size from /proc/self/statm (pages); 0 where it cannot be read.
    private static func statm() -> (virtual: Int, resident: Int) {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return (0, 0) }
        let fields = text.split(separator: " ").compactMap { Int($0) }
        guard fields.count >= 2 else { return (0, 0) }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        return (fields[0] * page, fields[1] * page)
    }

    private static func residentSize() -> Int { statm().resident }
    private static func virtualSize() -> Int { statm().virtual }
}
