internal import COpenSSL

/// AES-256 in Galois/Counter Mode through OpenSSL's EVP interface: authenticated encryption with
/// a fresh random 96-bit nonce per seal and a 128-bit tag checked before any plaintext is returned.
public enum AESGCM {
    /// Encrypts `plaintext` under `key` with a new random nonce.
    ///
    /// - Parameters:
    ///   - plaintext: The secret bytes; the caller wipes its own copy with ``SecureWipe``.
    ///   - key: The 256-bit key.
    ///   - associatedData: Bytes bound to the box without being encrypted (a record name): opening
    ///     with different associated data fails.
    /// - Returns: The nonce, ciphertext and tag.
    /// - Throws: ``AESGCMError`` when an OpenSSL call fails.
    public static func seal(
        _ plaintext: [UInt8],
        key: AESGCMKey,
        associatedData: [UInt8]
    ) throws(AESGCMError) -> AESGCMSealedBox {
        try seal(
            plaintext,
            key: key,
            nonce: SecureRandom.bytes(AESGCMSealedBox.nonceByteCount),
            associatedData: associatedData
        )
    }

    /// Encrypts with a given nonce; only known-answer tests call this, since reusing a nonce under
    /// one key breaks both secrecy and authenticity.
    static func seal(
        _ plaintext: [UInt8],
        key: AESGCMKey,
        nonce: [UInt8],
        associatedData: [UInt8]
    ) throws(AESGCMError) -> AESGCMSealedBox {
        let context = try CipherContext()
        try context.check(
            EVP_EncryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil),
            "EVP_EncryptInit_ex (cipher)"
        )
        try context.check(
            EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(nonce.count), nil),
            "EVP_CIPHER_CTX_ctrl (nonce length)"
        )
        try context.check(
            EVP_EncryptInit_ex(context.pointer, nil, nil, key.bytes, nonce),
            "EVP_EncryptInit_ex (key and nonce)"
        )
        try context.addAssociatedData(associatedData, EVP_EncryptUpdate)

        var ciphertext = [UInt8](repeating: 0, count: plaintext.count + 16)
        var written: Int32 = 0
        var total = 0
        if !plaintext.isEmpty {
            try context.check(
                EVP_EncryptUpdate(context.pointer, &ciphertext, &written, plaintext, Int32(plaintext.count)),
                "EVP_EncryptUpdate"
            )
            total = Int(written)
        }
        try ciphertext.withUnsafeMutableBufferPointer { buffer throws(AESGCMError) in
            try context.check(
                EVP_EncryptFinal_ex(context.pointer, buffer.baseAddress! + total, &written),
                "EVP_EncryptFinal_ex"
            )
        }
        total += Int(written)

        var tag = [UInt8](repeating: 0, count: AESGCMSealedBox.tagByteCount)
        try context.check(
            EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_GET_TAG, Int32(tag.count), &tag),
            "EVP_CIPHER_CTX_ctrl (get tag)"
        )
        return try AESGCMSealedBox(nonce: nonce, ciphertext: Array(ciphertext.prefix(total)), tag: tag)
    }

    /// Checks the tag and decrypts, handing the plaintext to `body` and wiping it afterwards.
    ///
    /// - Parameters:
    ///   - box: What ``seal(_:key:associatedData:)`` produced.
    ///   - key: The key it was sealed under.
    ///   - associatedData: The associated data it was sealed with.
    ///   - body: Uses the plaintext; it must not keep a copy.
    /// - Returns: What `body` returns.
    /// - Throws: ``AESGCMError`` when the tag does not match (a wrong key, or a changed nonce,
    ///   ciphertext, tag or associated data) or OpenSSL fails; `body` is then never called.
    public static func open<Result>(
        _ box: AESGCMSealedBox,
        key: AESGCMKey,
        associatedData: [UInt8],
        _ body: ([UInt8]) throws -> Result
    ) throws -> Result {
        var plaintext = try openedBytes(box, key: key, associatedData: associatedData)
        defer { SecureWipe.wipe(&plaintext) }
        return try body(plaintext)
    }

    /// Checks the tag and returns the plaintext; the caller wipes it with ``SecureWipe``.
    ///
    /// - Throws: ``AESGCMError`` as ``open(_:key:associatedData:_:)`` does.
    public static func open(
        _ box: AESGCMSealedBox,
        key: AESGCMKey,
        associatedData: [UInt8]
    ) throws(AESGCMError) -> [UInt8] {
        try openedBytes(box, key: key, associatedData: associatedData)
    }

    private static func openedBytes(
        _ box: AESGCMSealedBox,
        key: AESGCMKey,
        associatedData: [UInt8]
    ) throws(AESGCMError) -> [UInt8] {
        let context = try CipherContext()
        try context.check(
            EVP_DecryptInit_ex(context.pointer, EVP_aes_256_gcm(), nil, nil, nil),
            "EVP_DecryptInit_ex (cipher)"
        )
        try context.check(
            EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_IVLEN, Int32(box.nonce.count), nil),
            "EVP_CIPHER_CTX_ctrl (nonce length)"
        )
        try context.check(
            EVP_DecryptInit_ex(context.pointer, nil, nil, key.bytes, box.nonce),
            "EVP_DecryptInit_ex (key and nonce)"
        )
        try context.addAssociatedData(associatedData, EVP_DecryptUpdate)

        // Decrypted bytes stay in this buffer until the tag has been checked, and are wiped
        // if it does not match.
        var plaintext = [UInt8](repeating: 0, count: box.ciphertext.count + 16)
        var written: Int32 = 0
        var total = 0
        do throws(AESGCMError) {
            if !box.ciphertext.isEmpty {
                try context.check(
                    EVP_DecryptUpdate(
                        context.pointer,
                        &plaintext,
                        &written,
                        box.ciphertext,
                        Int32(box.ciphertext.count)
                    ),
                    "EVP_DecryptUpdate"
                )
                total = Int(written)
            }
            var tag = box.tag
            try context.check(
                EVP_CIPHER_CTX_ctrl(context.pointer, EVP_CTRL_GCM_SET_TAG, Int32(tag.count), &tag),
                "EVP_CIPHER_CTX_ctrl (set tag)"
            )
            let verified = plaintext.withUnsafeMutableBufferPointer { buffer in
                EVP_DecryptFinal_ex(context.pointer, buffer.baseAddress! + total, &written)
            }
            guard verified == 1 else {
                ERR_clear_error()
                throw AESGCMError(
                    "the authentication tag does not match: the data was changed or sealed under another key"
                )
            }
        } catch {
            SecureWipe.wipe(&plaintext)
            throw error
        }
        total += Int(written)
        // Dropping the spare capacity in place keeps the plaintext in the one buffer the caller wipes.
        plaintext.removeLast(plaintext.count - total)
        return plaintext
    }
}
