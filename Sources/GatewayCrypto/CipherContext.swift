internal import COpenSSL

/// Owns one `EVP_CIPHER_CTX` and turns OpenSSL's return codes into ``AESGCMError``s.
final class CipherContext {
    let pointer: OpaquePointer

    init() throws(AESGCMError) {
        guard let pointer = EVP_CIPHER_CTX_new() else {
            throw AESGCMError("OpenSSL could not allocate a cipher context (EVP_CIPHER_CTX_new)")
        }
        self.pointer = pointer
    }

    deinit {
        EVP_CIPHER_CTX_free(pointer)
    }

    /// Throws when an EVP call returned anything but 1, naming the call and OpenSSL's reason.
    func check(_ result: Int32, _ call: String) throws(AESGCMError) {
        guard result == 1 else {
            let code = ERR_get_error()
            ERR_clear_error()
            var reason = [CChar](repeating: 0, count: 256)
            ERR_error_string_n(code, &reason, reason.count)
            let text = String(decoding: reason.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            throw AESGCMError("OpenSSL \(call) failed: \(text)")
        }
    }

    /// Feeds associated data through `update` (EVP_EncryptUpdate or EVP_DecryptUpdate) with no output.
    func addAssociatedData(
        _ data: [UInt8],
        _ update: (
            OpaquePointer?, UnsafeMutablePointer<UInt8>?, UnsafeMutablePointer<Int32>?, UnsafePointer<UInt8>?, Int32
        ) -> Int32
    ) throws(AESGCMError) {
        guard !data.isEmpty else {
            return
        }
        var written: Int32 = 0
        try check(update(pointer, nil, &written, data, Int32(data.count)), "associated data update")
    }
}
