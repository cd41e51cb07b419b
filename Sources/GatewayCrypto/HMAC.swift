internal import COpenSSL

/// Keyed message authentication through OpenSSL, as Twilio uses it to sign webhooks.
public enum HMAC {
    /// The hash functions an HMAC can be built on.
    public enum Algorithm: Sendable {
        /// SHA-1, Twilio's `X-Twilio-Signature` default.
        case sha1
        /// SHA-256, Twilio's shared-key webhook signatures.
        case sha256
        /// SHA-512, one of the hashes TOTP (RFC 6238) allows.
        case sha512
    }

    /// Computes the HMAC of `message` under `key`.
    ///
    /// - Parameters:
    ///   - algorithm: The hash function.
    ///   - key: The secret key.
    ///   - message: The bytes to authenticate.
    /// - Returns: The 20-byte (SHA-1), 32-byte (SHA-256) or 64-byte (SHA-512) code.
    public static func authenticationCode(
        _ algorithm: Algorithm,
        key: [UInt8],
        message: [UInt8]
    ) -> [UInt8] {
        key.withUnsafeBytes { authenticationCode(algorithm, key: $0, message: message) }
    }

    /// Computes the HMAC of `message` under a key read in place, such as the bytes of a
    /// ``ServiceSupport/SecretBytes``, so no array copy of the key is made.
    ///
    /// - Parameters:
    ///   - algorithm: The hash function.
    ///   - key: The secret key, valid for the call.
    ///   - message: The bytes to authenticate.
    /// - Returns: The 20-byte (SHA-1), 32-byte (SHA-256) or 64-byte (SHA-512) code.
    public static func authenticationCode(
        _ algorithm: Algorithm,
        key: UnsafeRawBufferPointer,
        message: [UInt8]
    ) -> [UInt8] {
        // OpenSSL gives a NULL key a special meaning in HMAC_Init_ex (keep the previous key), so
        // an empty key is passed with a valid address instead.
        guard key.baseAddress != nil else {
            return withUnsafeBytes(of: UInt8(0)) { byte in
                authenticationCode(
                    algorithm,
                    key: UnsafeRawBufferPointer(start: byte.baseAddress, count: 0),
                    message: message
                )
            }
        }
        var output = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        let digest =
            switch algorithm {
            case .sha1: EVP_sha1()
            case .sha256: EVP_sha256()
            case .sha512: EVP_sha512()
            }
        let result = message.withUnsafeBytes { messageBytes in
            COpenSSL.HMAC(
                digest,
                key.baseAddress,
                Int32(key.count),
                messageBytes.baseAddress?.assumingMemoryBound(to: UInt8.self),
                messageBytes.count,
                &output,
                &length
            )
        }
        // HMAC() fails only when OpenSSL cannot allocate or the digest is missing,
        // neither of which a caller can recover from.
        precondition(result != nil, "OpenSSL HMAC failed")
        return Array(output.prefix(Int(length)))
    }

    /// Compares two byte strings in time that depends only on their lengths.
    ///
    /// - Returns: `true` when both have the same length and the same bytes.
    public static func constantTimeEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else {
            return false
        }
        guard !lhs.isEmpty else {
            return true
        }
        return lhs.withUnsafeBytes { left in
            rhs.withUnsafeBytes { right in
                CRYPTO_memcmp(left.baseAddress, right.baseAddress, left.count) == 0
            }
        }
    }
}
