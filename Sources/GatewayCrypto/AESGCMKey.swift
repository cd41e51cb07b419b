/// A 256-bit AES key for ``AESGCM``.
public struct AESGCMKey: Sendable, Equatable {
    /// The key length AES-256 takes, in bytes.
    public static let byteCount = 32

    let bytes: [UInt8]

    /// Wraps raw key bytes.
    ///
    /// - Parameter bytes: Exactly 32 bytes, from a secure random source.
    /// - Throws: ``AESGCMError`` when `bytes` is not 32 bytes long.
    public init(bytes: [UInt8]) throws(AESGCMError) {
        guard bytes.count == Self.byteCount else {
            throw AESGCMError(
                "an AES-256 key must be exactly \(Self.byteCount) bytes, got \(bytes.count); generate one with "
                    + "`openssl rand -base64 32`"
            )
        }
        self.bytes = bytes
    }

    /// A new key from OpenSSL's random generator.
    public static func random() -> AESGCMKey {
        // 32 bytes always passes the length check.
        try! AESGCMKey(bytes: SecureRandom.bytes(byteCount))
    }
}
