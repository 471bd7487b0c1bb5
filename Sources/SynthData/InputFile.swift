// InputFile: reads an input whole, a regular file by its size and a stream (a FIFO, /dev/stdin)
// to end of input, in chunks that Ctrl-C can stop.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// An open input file: regular (its size known, readable again) or a stream (read once).
public final class InputFile {
    /// Bytes per read(2), so a Ctrl-C is seen within a few milliseconds.
    static let chunkSize = 1 << 24

    let path: String
    private let fd: Int32
    /// Whether the file is regular; a FIFO, a pipe or a terminal is a stream.
    let isRegular: Bool
    /// The size of a regular file when opened (0 for a stream).
    let size: Int

    init(_ path: String) throws {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw DataError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            close(fd)
            throw DataError.cannotRead(path: path, reason: reason)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw DataError.cannotRead(path: path, reason: "is a directory")
        }
        self.path = path
        self.fd = fd
        isRegular = (info.st_mode & S_IFMT) == S_IFREG
        size = isRegular ? Int(info.st_size) : 0
    }

    deinit { close(fd) }

    /// Whether `path` names a regular file, which can be read more than once (false for a
    /// FIFO, `/dev/stdin` on a pipe, and paths that cannot be examined). Whoever reads ahead
    /// (a header for the checker) must leave a stream alone: the load is its only reader.
    public static func isRegular(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// The whole of `path` (a stream to end of input), refused as `DataError.tooLarge` when
    /// a regular file is larger than the memory the process may use.
    public static func read(_ path: String) throws -> [UInt8] {
        let file = try InputFile(path)
        if file.isRegular { try ReadLimits.process.check(file.size, reading: path) }
        return try file.readAll(limits: .process)
    }

    /// Up to `count` bytes from the start of a regular file (none from a stream).
    public static func prefix(_ path: String, count: Int) throws -> [UInt8] {
        let file = try InputFile(path)
        return file.isRegular ? try file.prefix(count) : []
    }

    /// Up to `count` bytes from the start of a regular file.
    func prefix(_ count: Int) throws -> [UInt8] {
        try [UInt8](unsafeUninitializedCapacity: max(0, min(count, size))) { buffer, filled in
            filled = try fill(buffer, from: 0, checkingEvery: false, isCancelled: { false })
        }
    }

    /// Everything from the start (a regular file) or from here to end of input (a stream).
    /// A stream calls `grew` with the bytes so far after every chunk, which may throw to stop;
    /// a regular file was sized up front, so its reads are only checked for Ctrl-C.
    func readAll(limits: ReadLimits, grew: (_ bytes: [UInt8]) throws -> Void = { _ in }) throws -> [UInt8] {
        if isRegular {
            return try [UInt8](unsafeUninitializedCapacity: size) { buffer, filled in
                filled = try fill(buffer, from: 0, checkingEvery: true, isCancelled: limits.isCancelled)
            }
        }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            try limits.checkCancelled()
            // chunk holds 1 MB, so it has a base address.
            let got = try chunk.withUnsafeMutableBytes { raw in try readSome(raw.baseAddress!, raw.count) }
            if got == 0 { return bytes }
            bytes.append(contentsOf: chunk[0..<got])
            try grew(bytes)
        }
    }

    /// Reads into `buffer` until it is full or the file ends; returns the bytes read.
    private func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>, from offset: Int, checkingEvery: Bool,
                      isCancelled: () -> Bool) throws -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var filled = 0
        while filled < buffer.count {
            if checkingEvery && isCancelled() { throw CancellationError() }
            let got = try readSome(base + filled, min(Self.chunkSize, buffer.count - filled), at: offset + filled)
            if got == 0 { break }
            filled += got
        }
        return filled
    }

    /// One read(2) (or pread(2) at `offset` on a regular file), retried on EINTR.
    private func readSome(_ buffer: UnsafeMutableRawPointer, _ count: Int, at offset: Int? = nil) throws -> Int {
        while true {
            let got = offset.map { pread(fd, buffer, count, off_t($0)) } ?? systemRead(fd, buffer, count)
            if got >= 0 { return got }
            if errno == EINTR { continue }
            throw DataError.cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
    }
}

/// POSIX read(2), named apart from `CSVReader.read`.
private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.read(fd, buffer, count)
    #else
    return Darwin.read(fd, buffer, count)
    #endif
}
