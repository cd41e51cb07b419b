import GatewayCrypto
import Testing

@Suite("Base32")
struct Base32Tests {
    /// RFC 4648, section 10.
    static let vectors: [(String, String)] = [
        ("", ""), ("f", "MY======"), ("fo", "MZXQ===="), ("foo", "MZXW6==="), ("foob", "MZXW6YQ="),
        ("fooba", "MZXW6YTB"), ("foobar", "MZXW6YTBOI======"),
    ]

    @Test("RFC 4648 vectors, padded", arguments: vectors)
    func padded(plain: String, encoded: String) {
        #expect(Base32.encode(Array(plain.utf8), padding: true) == encoded)
        #expect(Base32.decode(encoded) == Array(plain.utf8))
    }

    @Test("RFC 4648 vectors, unpadded and lowercase", arguments: vectors)
    func unpadded(plain: String, encoded: String) {
        let bare = String(encoded.prefix { $0 != "=" })
        #expect(Base32.encode(Array(plain.utf8)) == bare)
        #expect(Base32.decode(bare.lowercased()) == Array(plain.utf8))
    }

    @Test("round-trips every byte value")
    func allBytes() {
        let bytes = (0...255).map { UInt8($0) }
        #expect(Base32.decode(Base32.encode(bytes)) == bytes)
    }

    @Test(
        "rejects characters outside the alphabet, inner padding and impossible lengths",
        arguments: [
            "MZXW1", "MZXW6YT8", "MZ=XW6YQ", "M", "MZX", "MZXW6Y", "MZXW6YQ=A",
        ]
    )
    func rejects(text: String) {
        #expect(Base32.decode(text) == nil)
    }
}
