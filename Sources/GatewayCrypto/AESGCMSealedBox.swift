/// What ``AESGCM/seal(_:key:associatedData:)`` produces: the nonce, the ciphertext and the tag.
public struct AESGCMSealedBox: Sendable, Equatable {
    /// The nonce length used for every seal, in bytes (96 bits).
    public static let nonceByteCount = 12
    /// The authentication tag length, in bytes (128 bits).
    public static let tagByteCount = 16

    /// The 12-byte nonce, fresh for every seal.
    public let nonce: [UInt8]
    /// The encrypted bytes, as long as the plaintext.
    public let ciphertext: [UInt8]
    /// The 16-byte tag over the ciphertext and the associated data.
    public let tag: [UInt8]

    /// Reassembles a box read back from storage.
    ///
    /// - Throws: ``AESGCMError`` when the nonce is not 12 bytes or the tag not 16.
    public init(nonce: [UInt8], ciphertext: [UInt8], tag: [UInt8]) throws(AESGCMError) {
        guard nonce.count == Self.nonceByteCount else {
            throw AESGCMError("the nonce must be \(Self.nonceByteCount) bytes, got \(nonce.count)")
        }
        guard tag.count == Self.tagByteCount else {
            throw AESGCMError("the tag must be \(Self.tagByteCount) bytes, got \(tag.count)")
        }
        self.nonce = nonce
        self.ciphertext = ciphertext
        self.tag = tag
    }
}
