import Testing

@testable import GatewayCrypto

@Suite("AES-256-GCM")
struct AESGCMTests {
    private static func bytes(_ hex: String) -> [UInt8] {
        var output: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            output.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return output
    }

    private static let specKey = "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308"
    private static let specNonce = "cafebabefacedbaddecaf888"
    private static let specPlaintext =
        "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
        + "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
    private static let specCiphertext =
        "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
        + "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662"

    /// Test cases 13 to 16 of the GCM specification (McGrew and Viega), the 256-bit key ones.
    @Test(
        "GCM specification test cases 13 to 16",
        arguments: [
            (
                String(repeating: "00", count: 32), String(repeating: "00", count: 12), "", "", "",
                "530f8afbc74536b9a963b4f1c4cb738b"
            ),
            (
                String(repeating: "00", count: 32), String(repeating: "00", count: 12),
                String(repeating: "00", count: 16), "", "cea7403d4d606b6e074ec5d3baf39d18",
                "d0d1c8a799996bf0265b98b5d48ab919"
            ),
            (
                specKey, specNonce, specPlaintext + "1aafd255", "", specCiphertext + "898015ad",
                "b094dac5d93471bdec1a502270e3cc6c"
            ),
            (
                specKey, specNonce, specPlaintext, "feedfacedeadbeeffeedfacedeadbeefabaddad2", specCiphertext,
                "76fc6ece0f4e1768cddf8853bb2d551b"
            ),
        ]
    )
    func specification(
        key: String,
        nonce: String,
        plaintext: String,
        associatedData: String,
        ciphertext: String,
        tag: String
    ) throws {
        let key = try AESGCMKey(bytes: Self.bytes(key))
        let box = try AESGCM.seal(
            Self.bytes(plaintext),
            key: key,
            nonce: Self.bytes(nonce),
            associatedData: Self.bytes(associatedData)
        )
        #expect(Digest.hex(box.ciphertext) == ciphertext)
        #expect(Digest.hex(box.tag) == tag)
        let opened = try AESGCM.open(box, key: key, associatedData: Self.bytes(associatedData))
        #expect(Digest.hex(opened) == plaintext)
    }

    @Test("round trip with a fresh nonce for every seal", arguments: [0, 1, 15, 16, 17, 1000])
    func roundTrip(length: Int) throws {
        let key = AESGCMKey.random()
        let plaintext = SecureRandom.bytes(length)
        let first = try AESGCM.seal(plaintext, key: key, associatedData: Array("twilio.auth_token".utf8))
        let second = try AESGCM.seal(plaintext, key: key, associatedData: Array("twilio.auth_token".utf8))
        #expect(first.nonce.count == 12)
        #expect(first.nonce != second.nonce)
        let opened = try AESGCM.open(first, key: key, associatedData: Array("twilio.auth_token".utf8)) { $0 }
        #expect(opened == plaintext)
    }

    @Test("a changed nonce, ciphertext, tag, associated data or key fails", arguments: 0..<5)
    func tampering(part: Int) throws {
        let key = AESGCMKey.random()
        let box = try AESGCM.seal(Array("secret token".utf8), key: key, associatedData: Array("name".utf8))
        func flipped(_ bytes: [UInt8]) -> [UInt8] {
            var copy = bytes
            copy[0] ^= 1
            return copy
        }
        var openKey = key
        var associatedData = Array("name".utf8)
        var changed = box
        switch part {
        case 0: changed = try AESGCMSealedBox(nonce: flipped(box.nonce), ciphertext: box.ciphertext, tag: box.tag)
        case 1: changed = try AESGCMSealedBox(nonce: box.nonce, ciphertext: flipped(box.ciphertext), tag: box.tag)
        case 2: changed = try AESGCMSealedBox(nonce: box.nonce, ciphertext: box.ciphertext, tag: flipped(box.tag))
        case 3: associatedData = Array("other".utf8)
        default: openKey = AESGCMKey.random()
        }
        var called = false
        let error = #expect(throws: AESGCMError.self) {
            try AESGCM.open(changed, key: openKey, associatedData: associatedData) { _ in called = true }
        }
        #expect(!called)
        #expect(error?.message.contains("authentication tag does not match") == true)
    }

    @Test("keys and boxes of the wrong size are refused")
    func sizes() {
        #expect(throws: AESGCMError.self) { try AESGCMKey(bytes: [UInt8](repeating: 1, count: 16)) }
        #expect(throws: AESGCMError.self) { try AESGCMSealedBox(nonce: [1, 2], ciphertext: [], tag: []) }
        #expect(throws: AESGCMError.self) {
            try AESGCMSealedBox(nonce: [UInt8](repeating: 0, count: 12), ciphertext: [], tag: [1])
        }
    }

    @Test("wiping zeroes every byte")
    func wipe() {
        var secret: [UInt8] = [1, 2, 3, 4]
        SecureWipe.wipe(&secret)
        #expect(secret == [0, 0, 0, 0])
    }
}
