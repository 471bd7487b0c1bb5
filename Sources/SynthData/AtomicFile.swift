// AtomicFile: writes a file through a temporary sibling and rename(2), so readers never see half a file.

#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// All-or-nothing file writes.
public enum AtomicFile {
    /// Writes `bytes` to `path`: creates missing parent directories, writes a temporary file in
    /// the same directory, flushes it and renames it over `path`. On failure `path` is untouched,
    /// the temporary file is removed and `DataError.cannotWrite` is thrown.
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let directory = parent(of: path)
        try makeDirectories(directory, for: path)
        var template = Array("\(directory)/.\(basename(of: path)).tmp-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { throw DataError.cannotWrite(path: path, reason: lastError()) }
        let temporary = String(cString: template.map { UInt8(bitPattern: $0) })
        var failure: String?
        bytes.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let n = systemWrite(fd, raw.baseAddress! + written, raw.count - written)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = lastError()
                    return
                }
                written += n
            }
        }
        if failure == nil && fsync(fd) != 0 { failure = lastError() }
        // mkstemp creates 0600; give the file the usual permissions.
        if failure == nil { fchmod(fd, 0o644) }
        if close(fd) != 0 && failure == nil { failure = lastError() }
        if failure == nil && rename(temporary, path) != 0 { failure = lastError() }
        if let failure {
            unlink(temporary)
            throw DataError.cannotWrite(path: path, reason: failure)
        }
    }

    static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func basename(of path: String) -> String {
        path.lastIndex(of: "/").map { String(path[path.index(after: $0)...]) } ?? path
    }

    private static func makeDirectories(_ directory: String, for path: String) throws {
        var info = stat()
        if stat(directory, &info) == 0 {
            if (info.st_mode & S_IFMT) != S_IFDIR { throw DataError.cannotWrite(path: path, reason: "'\(directory)' is not a directory") }
            return
        }
        if directory != "." && directory != "/" { try makeDirectories(parent(of: directory), for: path) }
        if mkdir(directory, 0o755) != 0 && errno != EEXIST {
            throw DataError.cannotWrite(path: path, reason: "cannot create directory '\(directory)': \(lastError())")
        }
    }

    private static func lastError() -> String { String(cString: strerror(errno)) }

    private static func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, buffer, count)
        #else
        return Darwin.write(fd, buffer, count)
        #endif
    }
}
