// GzipInflater: inflates gzip (or zlib) bytes in memory with the system zlib, chunk by chunk.

import CZlib

/// Detects and inflates gzip-compressed input.
enum GzipInflater {
    /// Bytes inflated per call into zlib; after each, the caller may stop the work.
    static let chunkSize = 1 << 18

    /// Whether `bytes` start with the gzip magic number 1f 8b.
    static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b
    }

    /// The inflated bytes of every gzip member in `input`, at most `limit` of them.
    ///
    /// `afterChunk` sees the output after every chunk and may throw to stop (Ctrl-C, memory).
    /// `reachedLimit` says the output was cut at `limit`. When `inputIsPrefix`, `input` is the
    /// start of a longer file, and running out of it is no error.
    static func inflate(_ input: [UInt8], path: String, limit: Int = Int.max, inputIsPrefix: Bool = false,
                        afterChunk: (_ output: [UInt8]) throws -> Void = { _ in })
        throws -> (bytes: [UInt8], reachedLimit: Bool) {
        var output: [UInt8] = []
        output.reserveCapacity(min(limit, input.count * 4))
        var stream = z_stream()
        // windowBits 15 + 32: detect a gzip or zlib header automatically.
        guard inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DataError.cannotRead(path: path, reason: "cannot initialise zlib")
        }
        defer { inflateEnd(&stream) }
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        return try input.withUnsafeBufferPointer { inBuffer in
            stream.next_in = UnsafeMutablePointer(mutating: inBuffer.baseAddress)
            stream.avail_in = UInt32(inBuffer.count)
            while true {
                let room = min(chunk.count, limit - output.count)
                let status: Int32 = chunk.withUnsafeMutableBufferPointer { out in
                    stream.next_out = out.baseAddress
                    stream.avail_out = UInt32(room)
                    return CZlib.inflate(&stream, Z_NO_FLUSH)
                }
                let produced = room - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                try afterChunk(output)
                if status == Z_STREAM_END {
                    // Concatenated gzip members continue the same file.
                    if stream.avail_in > 0 && inflateReset(&stream) == Z_OK && output.count < limit { continue }
                    return (output, output.count >= limit && stream.avail_in > 0)
                }
                if output.count >= limit { return (output, true) }
                let starved = stream.avail_in == 0 && (status == Z_BUF_ERROR || produced == 0)
                if starved {
                    if inputIsPrefix { return (output, false) }
                    throw DataError.cannotRead(path: path, reason: "truncated gzip data")
                }
                if status != Z_OK {
                    let reason = stream.msg.map { String(cString: $0) } ?? "corrupt gzip data (zlib status \(status))"
                    throw DataError.cannotRead(path: path, reason: reason)
                }
            }
        }
    }
}
