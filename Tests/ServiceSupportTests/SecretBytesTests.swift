import ServiceSupport
import Testing

@Suite("SecretBytes")
struct SecretBytesTests {
    static let token = "f00dcafe-secret-auth-token"

    @Test("holds the UTF-8 bytes of the text it was made from")
    func fromText() {
        let secret = SecretBytes(Self.token)

        #expect(secret.count == Self.token.utf8.count)
        #expect(secret.withUnsafeBytes { Array($0) } == Array(Self.token.utf8))
        #expect(!secret.isEmpty)
        #expect(SecretBytes("").isEmpty)
    }

    @Test("copies a raw buffer, which its owner may then overwrite")
    func fromBuffer() {
        var plaintext: [UInt8] = Array(Self.token.utf8)
        let secret = plaintext.withUnsafeBytes { SecretBytes(copying: $0) }
        for index in plaintext.indices {
            plaintext[index] = 0
        }

        #expect(secret == SecretBytes(Self.token))
        #expect(SecretBytes(copying: UnsafeRawBufferPointer(start: nil, count: 0)).isEmpty)
    }

    @Test("wipe() overwrites every byte with zeros and keeps the length")
    func wipeZeroes() {
        let secret = SecretBytes(Self.token)
        secret.wipe()

        #expect(secret.count == Self.token.utf8.count)
        #expect(secret.withUnsafeBytes { Array($0) } == [UInt8](repeating: 0, count: Self.token.utf8.count))
        #expect(secret.withCString { $0.pointee } == 0)
        #expect(secret != SecretBytes(Self.token))
    }

    @Test(
        "equality compares the bytes",
        arguments: [
            ("same", "same", true), ("same", "sane", false), ("same", "same-but-longer", false), ("", "", true),
            ("a", "", false),
        ]
    )
    func equality(lhs: String, rhs: String, equal: Bool) {
        #expect((SecretBytes(lhs) == SecretBytes(rhs)) == equal)
        #expect((SecretBytes(rhs) == SecretBytes(lhs)) == equal)
    }

    @Test("a secret equals itself (the same object is not locked twice)")
    func selfEquality() {
        let secret = SecretBytes(Self.token)
        #expect(secret == secret)
    }

    @Test("the C string holds the bytes and ends with a NUL right after them", arguments: [token, "", "x"])
    func cString(text: String) {
        let secret = SecretBytes(text)
        let (copy, terminator) = secret.withCString { pointer in
            (String(cString: pointer), pointer[secret.count])
        }

        #expect(copy == text)
        #expect(terminator == 0)
    }

    @Test("printing, debug-printing, interpolating and dumping show *** only")
    func masked() {
        let secret = SecretBytes(Self.token)
        var dumped = ""
        dump(secret, to: &dumped)

        #expect(secret.description == "***")
        #expect(String(reflecting: secret) == "***")
        #expect("\(secret)" == "***")
        #expect(!dumped.contains(Self.token))
        #expect(dumped.contains("***"))
    }
}
