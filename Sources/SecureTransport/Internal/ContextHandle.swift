internal import COpenSSL

/// Owns one `SSL_CTX`, set up with the settings every context here shares: TLS 1.2 at least,
/// OpenSSL's default ciphers, no compression, no renegotiation.
final class ContextHandle: @unchecked Sendable {
    // @unchecked Sendable: the context is configured completely in the initializers of
    // TLSServerContext and TLSClientContext before it is shared, and OpenSSL allows SSL_new on
    // one SSL_CTX from many threads at once.

    let pointer: OpaquePointer

    /// Creates a context for servers (`isServer`) or clients.
    ///
    /// - Throws: ``TLSError`` when OpenSSL cannot allocate or configure it.
    init(isServer: Bool) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let pointer = SSL_CTX_new(isServer ? TLS_server_method() : TLS_client_method()) else {
            throw TLSError("OpenSSL could not create a TLS context: " + OpenSSLErrorQueue.takeReasons(or: "no reason"))
        }
        self.pointer = pointer
        guard COpenSSL_ctx_set_min_tls12(pointer) == 1 else {
            throw TLSError(
                "OpenSSL refused TLS 1.2 as the minimum version: " + OpenSSLErrorQueue.takeReasons(or: "no reason")
            )
        }
        COpenSSL_ctx_harden(pointer)
    }

    deinit {
        SSL_CTX_free(pointer)
    }

    /// Also refuses every protocol version newer than `version`, for tests that need an old
    /// peer.
    func limitMaximumVersion(to version: Int32) throws(TLSError) {
        guard COpenSSL_ctx_set_max_version(pointer, version) == 1 else {
            throw TLSError("OpenSSL refused the maximum TLS version: " + OpenSSLErrorQueue.takeReasons(or: "no reason"))
        }
    }
}
