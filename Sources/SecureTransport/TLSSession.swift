internal import COpenSSL
internal import Glibc

/// One TLS connection run over memory buffers: the owner moves bytes between the network and
/// the session, and the session turns them into plaintext and back. Nothing here touches a
/// socket or blocks.
///
/// The owner's loop: give what the socket read to ``receive(ciphertext:)``, call
/// ``readPlaintext(into:)`` until it returns ``ReadResult/needsInput``, and send whatever
/// ``takeCiphertext(appendingTo:)`` hands out (handshake messages and alerts included). Call
/// ``write(plaintext:)`` only once ``isHandshakeComplete`` is true. A client starts with
/// ``advanceHandshake()`` to produce its first message.
///
/// Not thread-safe: use a session from one thread or serial queue at a time.
public final class TLSSession {
    /// The outcome of ``readPlaintext(into:)``.
    public enum ReadResult: Equatable, Sendable {
        /// This many plaintext bytes were written to the buffer (more than zero).
        case bytes(Int)
        /// The session needs more ciphertext from the peer before it can return anything.
        case needsInput
        /// The peer closed the TLS connection cleanly (close_notify); nothing more follows.
        case closed
    }

    private let ssl: OpaquePointer
    private let input: OpaquePointer
    private let output: OpaquePointer
    private let isClient: Bool

    /// Whether the handshake has finished; plaintext flows only after it.
    public private(set) var isHandshakeComplete = false

    /// Starts the server side of a connection.
    ///
    /// - Throws: ``TLSError`` when OpenSSL cannot allocate the session.
    public convenience init(server context: TLSServerContext) throws(TLSError) {
        try self.init(handle: context.handle, isClient: false)
        SSL_set_accept_state(ssl)
    }

    /// Starts the client side of a connection to `host`, which the server's certificate must
    /// name (or the context's ``TLSClientContext/serverName`` when set).
    ///
    /// An IP address is checked against the certificate's IP entries and sent without SNI; a
    /// DNS name is checked against its DNS entries and sent as SNI.
    ///
    /// - Throws: ``TLSError`` when OpenSSL cannot allocate the session or refuses the name.
    public convenience init(client context: TLSClientContext, host: String) throws(TLSError) {
        try self.init(handle: context.handle, isClient: true)
        let name = context.serverName ?? host
        OpenSSLErrorQueue.clear()
        if Self.isIPAddress(name) {
            guard X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), name) == 1 else {
                throw TLSError(
                    "cannot verify the TLS server as \(name): " + OpenSSLErrorQueue.takeReasons(or: "bad address")
                )
            }
        } else {
            guard SSL_set1_host(ssl, name) == 1, COpenSSL_set_sni(ssl, name) == 1 else {
                throw TLSError(
                    "cannot verify the TLS server as \(name): " + OpenSSLErrorQueue.takeReasons(or: "bad name")
                )
            }
        }
        SSL_set_connect_state(ssl)
    }

    private init(handle: ContextHandle, isClient: Bool) throws(TLSError) {
        OpenSSLErrorQueue.clear()
        guard let ssl = SSL_new(handle.pointer) else {
            throw TLSError("OpenSSL could not create a TLS session: " + OpenSSLErrorQueue.takeReasons(or: "no reason"))
        }
        guard let input = BIO_new(BIO_s_mem()) else {
            SSL_free(ssl)
            throw TLSError("OpenSSL could not create a memory buffer for TLS")
        }
        guard let output = BIO_new(BIO_s_mem()) else {
            BIO_free(input)
            SSL_free(ssl)
            throw TLSError("OpenSSL could not create a memory buffer for TLS")
        }
        COpenSSL_bio_retry_when_empty(input)
        COpenSSL_bio_retry_when_empty(output)
        // The session owns both buffers from here on; SSL_free frees them.
        SSL_set_bio(ssl, input, output)
        self.ssl = ssl
        self.input = input
        self.output = output
        self.isClient = isClient
    }

    deinit {
        SSL_free(ssl)
    }

    /// The protocol agreed on, such as `TLSv1.3`, once the handshake is complete.
    public var protocolVersion: String {
        String(cString: SSL_get_version(ssl))
    }

    /// How many bytes of ciphertext wait to be sent to the peer.
    public var pendingCiphertextCount: Int {
        Int(BIO_ctrl_pending(output))
    }

    /// Hands the session bytes received from the peer.
    ///
    /// - Throws: ``TLSError`` when OpenSSL cannot buffer them (out of memory).
    public func receive(ciphertext: UnsafeRawBufferPointer) throws(TLSError) {
        guard let base = ciphertext.baseAddress, !ciphertext.isEmpty else {
            return
        }
        var offset = 0
        while offset < ciphertext.count {
            let chunk = Int32(clamping: ciphertext.count - offset)
            let written = BIO_write(input, base + offset, chunk)
            guard written > 0 else {
                throw TLSError("OpenSSL could not buffer \(ciphertext.count) received TLS bytes")
            }
            offset += Int(written)
        }
    }

    /// Moves the handshake on with what has been received.
    ///
    /// - Returns: Whether the handshake is complete.
    /// - Throws: ``TLSError`` with OpenSSL's reason (and the certificate check's, for a client)
    ///   when the handshake failed; any alert for the peer is ready in the ciphertext.
    @discardableResult
    public func advanceHandshake() throws(TLSError) -> Bool {
        guard !isHandshakeComplete else {
            return true
        }
        OpenSSLErrorQueue.clear()
        let result = SSL_do_handshake(ssl)
        if result == 1 {
            isHandshakeComplete = true
            return true
        }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return false
        default:
            throw handshakeFailure()
        }
    }

    /// Decrypts received bytes into `buffer`, finishing the handshake first if needed.
    ///
    /// - Throws: ``TLSError`` for a failed handshake or a record that does not decrypt.
    public func readPlaintext(into buffer: UnsafeMutableRawBufferPointer) throws(TLSError) -> ReadResult {
        guard try advanceHandshake() else {
            return .needsInput
        }
        guard let base = buffer.baseAddress, !buffer.isEmpty else {
            return .needsInput
        }
        OpenSSLErrorQueue.clear()
        let result = SSL_read(ssl, base, Int32(clamping: buffer.count))
        if result > 0 {
            return .bytes(Int(result))
        }
        switch SSL_get_error(ssl, result) {
        case SSL_ERROR_WANT_READ, SSL_ERROR_WANT_WRITE:
            return .needsInput
        case SSL_ERROR_ZERO_RETURN:
            return .closed
        default:
            let reason = OpenSSLErrorQueue.takeReasons(or: "the connection ended without a TLS close_notify")
            throw TLSError("a TLS record could not be read: \(reason)")
        }
    }

    /// Encrypts `plaintext`; the records are then ready in the ciphertext.
    ///
    /// - Precondition: ``isHandshakeComplete``.
    /// - Throws: ``TLSError`` when OpenSSL refuses the write (the session failed or was closed).
    public func write(plaintext: UnsafeRawBufferPointer) throws(TLSError) {
        precondition(isHandshakeComplete, "TLSSession.write(plaintext:) was called before the handshake completed")
        guard let base = plaintext.baseAddress else {
            return
        }
        var offset = 0
        while offset < plaintext.count {
            OpenSSLErrorQueue.clear()
            let result = SSL_write(ssl, base + offset, Int32(clamping: plaintext.count - offset))
            guard result > 0 else {
                let reason = OpenSSLErrorQueue.takeReasons(or: "the TLS session is closed")
                throw TLSError("TLS could not encrypt \(plaintext.count) bytes: \(reason)")
            }
            offset += Int(result)
        }
    }

    /// Appends the ciphertext waiting for the peer to `bytes` and removes it from the session.
    public func takeCiphertext(appendingTo bytes: inout [UInt8]) {
        while true {
            let pending = pendingCiphertextCount
            guard pending > 0 else {
                return
            }
            let start = bytes.count
            bytes.append(contentsOf: repeatElement(0, count: pending))
            let read = bytes.withUnsafeMutableBytes { buffer in
                BIO_read(output, buffer.baseAddress! + start, Int32(clamping: pending))
            }
            bytes.removeLast(pending - max(0, Int(read)))
            guard read > 0 else {
                return
            }
        }
    }

    /// Queues a close_notify alert for the peer, after which nothing more is written.
    public func close() {
        guard isHandshakeComplete else {
            return
        }
        OpenSSLErrorQueue.clear()
        if SSL_shutdown(ssl) < 0 {
            OpenSSLErrorQueue.clear()
        }
    }

    private func handshakeFailure() -> TLSError {
        var reason = OpenSSLErrorQueue.takeReasons(or: "the peer sent something that is not a TLS handshake")
        let verification = isClient ? SSL_get_verify_result(ssl) : Int(X509_V_OK)
        if verification != Int(X509_V_OK) {
            reason += " (\(String(cString: X509_verify_cert_error_string(verification))))"
        }
        return TLSError(
            "the TLS handshake failed: \(reason)",
            isCertificateRejected: verification != Int(X509_V_OK)
        )
    }

    private static func isIPAddress(_ name: String) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 16)
        return inet_pton(AF_INET, name, &buffer) == 1 || inet_pton(AF_INET6, name, &buffer) == 1
    }
}
