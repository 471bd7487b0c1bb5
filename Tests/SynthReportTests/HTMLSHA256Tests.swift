// HTMLSHA256Tests: SHA-256 against the FIPS 180-4 / NIST example vectors.

import Foundation
import Testing
@testable import SynthReport

@Suite struct HTMLSHA256Tests {
    @Test(arguments: [
        (id: "empty", input: "", digest: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        (id: "abc", input: "abc", digest: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (id: "448 bits", input: "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
         digest: "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func nistVectors(_ example: (id: String, input: String, digest: String)) {
        // Run
        let digest = SHA256.hex(Array(example.input.utf8))
        // Assert
        #expect(digest == example.digest, "\(example.id)")
    }

    @Test func oneMillionAsInChunks() {
        // Setup: NIST's long vector, fed in uneven pieces so blocks straddle updates.
        var hasher = SHA256()
        var left = 1_000_000
        var piece = 1
        // Run
        while left > 0 {
            let n = min(left, piece)
            hasher.update(repeatElement(UInt8(ascii: "a"), count: n))
            left -= n
            piece = piece * 3 % 9_973 + 1
        }
        let digest = hasher.finish().map { String(format: "%02x", $0) }.joined()
        // Assert
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func hashesAFile() throws {
        // Setup
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("synth-sha-\(UUID().uuidString).txt").path
        try "abc".write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }
        // Run / Assert
        #expect(SHA256.hex(fileAt: path) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(Provenance.Input.hashing(path: path)?.sha256 == SHA256.hex(fileAt: path))
        #expect(SHA256.hex(fileAt: path + ".missing") == nil)
    }
}
