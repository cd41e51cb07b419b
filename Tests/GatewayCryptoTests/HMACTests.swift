import GatewayCrypto
import Testing

@Suite("HMAC and digests")
struct HMACTests {
    @Test(
        "RFC 2202 and RFC 4231 vectors",
        arguments: [
            (HMAC.Algorithm.sha1, "Jefe", "what do ya want for nothing?", "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"),
            (
                HMAC.Algorithm.sha256, "Jefe", "what do ya want for nothing?",
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
            ),
            (
                HMAC.Algorithm.sha512, "Jefe", "what do ya want for nothing?",
                "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
                    + "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737"
            ),
        ]
    )
    func knownVectors(algorithm: HMAC.Algorithm, key: String, message: String, expected: String) {
        let code = HMAC.authenticationCode(algorithm, key: Array(key.utf8), message: Array(message.utf8))
        #expect(Digest.hex(code) == expected)
    }

    @Test("a key read in place gives the same code as the same key in an array, the empty key included")
    func keyInPlace() {
        let message = Array("what do ya want for nothing?".utf8)
        let key = Array("Jefe".utf8)
        let inPlace = key.withUnsafeBytes { HMAC.authenticationCode(.sha1, key: $0, message: message) }
        #expect(inPlace == HMAC.authenticationCode(.sha1, key: key, message: message))

        let empty = HMAC.authenticationCode(
            .sha256,
            key: UnsafeRawBufferPointer(start: nil, count: 0),
            message: message
        )
        #expect(empty == HMAC.authenticationCode(.sha256, key: [UInt8](), message: message))
        // RFC 2104 pads an empty key to a block of zeros; Python's hmac.new(b"", b"abc", "sha256") agrees.
        #expect(
            Digest.hex(
                HMAC.authenticationCode(
                    .sha256,
                    key: UnsafeRawBufferPointer(start: nil, count: 0),
                    message: Array("abc".utf8)
                )
            )
                == "fd7adb152c05ef80dccf50a1fa4c05d5a3ec6da95575fc312ae7c5d091836351"
        )
    }

    @Test("SHA-256 of abc")
    func sha256() {
        #expect(
            Digest.hex(Digest.sha256(Array("abc".utf8)))
                == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        )
    }

    @Test("constant-time comparison")
    func comparison() {
        #expect(HMAC.constantTimeEqual([1, 2, 3], [1, 2, 3]))
        #expect(!HMAC.constantTimeEqual([1, 2, 3], [1, 2, 4]))
        #expect(!HMAC.constantTimeEqual([1, 2, 3], [1, 2]))
        #expect(HMAC.constantTimeEqual([], []))
    }

    @Test("random bytes differ between calls")
    func random() {
        let first = SecureRandom.bytes(32)
        let second = SecureRandom.bytes(32)
        #expect(first.count == 32)
        #expect(first != second)
    }
}
