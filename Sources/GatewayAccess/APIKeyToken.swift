internal import GatewayCrypto
internal import ServiceSupport

/// An API key as a caller presents it: `tgw_<id>_<secret>`.
///
/// The ID (16 hexadecimal digits) is public: it names the key in lists and logs and finds it in
/// the store. The secret is 32 random bytes in unpadded Base64url (43 characters, which may
/// themselves hold `_` and `-`); only its SHA-256 is stored.
public struct APIKeyToken: Sendable, CustomStringConvertible {
    /// What every key starts with, so that a leaked key is easy to recognise and search for.
    public static let prefix = "tgw_"

    /// The public ID.
    public let id: String
    private let secret: String

    /// Reads a key as a caller sent it.
    ///
    /// - Returns: The key, or `nil` when `text` does not have the shape of one.
    public init?(_ text: String) {
        guard text.hasPrefix(Self.prefix) else {
            return nil
        }
        let parts = text.dropFirst(Self.prefix.count).split(
            separator: "_",
            maxSplits: 1,
            omittingEmptySubsequences: false
        )
        guard parts.count == 2, Self.isID(parts[0]), Self.isSecret(parts[1]) else {
            return nil
        }
        id = String(parts[0])
        secret = String(parts[1])
    }

    private init(id: String, secret: String) {
        self.id = id
        self.secret = secret
    }

    /// A new key with a random ID and a random secret, from OpenSSL's generator.
    public static func generate() -> APIKeyToken {
        let id = Digest.hex(SecureRandom.bytes(idByteCount))
        let secret = Base64.encode(SecureRandom.bytes(secretByteCount))
            .replacing("+", with: "-")
            .replacing("/", with: "_")
            .replacing("=", with: "")
        return APIKeyToken(id: id, secret: secret)
    }

    /// The SHA-256 of the secret: what the store keeps.
    public var secretHash: [UInt8] {
        Digest.sha256(Array(secret.utf8))
    }

    /// Whether the secret hashes to `hash`, compared in constant time.
    public func matches(_ hash: [UInt8]) -> Bool {
        HMAC.constantTimeEqual(secretHash, hash)
    }

    /// The whole key, secret included, for showing once to the operator who created it.
    public var revealed: String {
        Self.prefix + id + "_" + secret
    }

    /// The key with its secret masked, safe to print or log.
    public var description: String {
        Self.prefix + id + "_…"
    }

    static let idByteCount = 8
    static let secretByteCount = 32
    private static let secretLength = 43

    private static func isID(_ text: Substring) -> Bool {
        text.utf8.count == idByteCount * 2
            && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func isSecret(_ text: Substring) -> Bool {
        text.utf8.count == secretLength
            && text.utf8.allSatisfy { byte in
                (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                    || byte == 0x2D || byte == 0x5F
            }
    }
}
