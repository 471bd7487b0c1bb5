// GzipInflater: inflates gzip (or zlib) bytes in memory with the system zlib.

import CZlib

/// Detects and inflates gzip-compressed input.
enum GzipInflater {
    /// Whether `bytes` start with the gzip magic number 1f 8b.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The inflated bytes of every gzip member in `input`.
    static func inflate(_ input: [UInt8], path: String) throws -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 4)
        var stream = z_stream()
        // windowBits 15 + 32: detect a gzip or zlib header automatically.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError.cannotRead(path: path, reason: "cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: 1 << 18)
        var failure: String?
        input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(out.count)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if status == Z_STREAM_END {
                    // Concatenated gzip members continue the same file.
                    if stream.avail_in > 0 && inflateReset(&stream) == Z_OK { continue }
                    return
                }
                if status != Z_OK {
                    failure = stream.msg.map { String(cString: $0) } ?? "corrupt gzip data (zlib status \(status))"
                    return
                }
                if stream.avail_in == 0 && produced == 0 {
                    failure = "truncated gzip data"
                    return
                }
            }
        }
        if let failure { throw DataError.cannotRead(path: path, reason: failure) }
        return output
    }
}
