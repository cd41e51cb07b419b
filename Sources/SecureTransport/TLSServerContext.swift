internal import COpenSSL
internal import Glibc

/// The certificate chain and private key a TLS server presents, loaded once and shared by
/// every connection.
///
/// Connections accept TLS 1.2 and 1.3 only, with OpenSSL's default cipher suites, no
/// compression and no renegotiation.
public final class TLSServerContext: Sendable {
    let handle: ContextHandle

    /// The subject of the leaf certificate, such as `/CN=gateway.example`, for start-up logs.
    public let certificateSubject: String

    /// The PEM file the certificate chain was loaded from, which a client on this machine can
    /// trust the server through (see
    /// ``TLSClientContext/init(trustRootsPath:serverName:additionalTrustedCertificatesPath:)``).
    public let certificateChainPath: String

    /// Loads a certificate chain and its private key, both PEM.
    ///
    /// - Parameters:
    ///   - certificateChainPath: The server's certificate first, then any intermediates.
    ///   - privateKeyPath: The private key of the first certificate, unencrypted.
    /// - Throws: ``TLSError`` naming the file that cannot be read or parsed, or saying that the
    ///   key does not belong to the certificate.
    public init(certificateChainPath: String, privateKeyPath: String) throws(TLSError) {
        let handle = try ContextHandle(isServer: true)
        try Self.requireReadable(certificateChainPath, "certificate chain")
        try Self.requireReadable(privateKeyPath, "private key")

        OpenSSLErrorQueue.clear()
        guard SSL_CTX_use_certificate_chain_file(handle.pointer, certificateChainPath) == 1 else {
            let reason = OpenSSLErrorQueue.takeReasons(or: "no certificate found")
            throw TLSError("cannot use the TLS certificate chain \(certificateChainPath): \(reason); give a PEM file")
        }
        guard SSL_CTX_use_PrivateKey_file(handle.pointer, privateKeyPath, SSL_FILETYPE_PEM) == 1 else {
            let reason = OpenSSLErrorQueue.takeReasons(or: "no key found")
            guard reason.contains("key values mismatch") else {
                throw TLSError(
                    "cannot use the TLS private key \(privateKeyPath): \(reason); give an unencrypted PEM key"
                )
            }
            throw Self.mismatch(privateKeyPath, certificateChainPath)
        }
        guard SSL_CTX_check_private_key(handle.pointer) == 1 else {
            OpenSSLErrorQueue.clear()
            throw Self.mismatch(privateKeyPath, certificateChainPath)
        }
        self.handle = handle
        self.certificateChainPath = certificateChainPath
        self.certificateSubject = Self.subject(of: SSL_CTX_get0_certificate(handle.pointer))
    }

    private static func mismatch(_ privateKeyPath: String, _ certificateChainPath: String) -> TLSError {
        TLSError(
            "the TLS private key \(privateKeyPath) does not belong to the certificate in \(certificateChainPath); "
                + "give the key the certificate was issued for"
        )
    }

    private static func requireReadable(_ path: String, _ what: String) throws(TLSError) {
        guard let file = fopen(path, "r") else {
            let reason = String(cString: strerror(errno))
            throw TLSError("cannot read the TLS \(what) \(path): \(reason)")
        }
        fclose(file)
    }

    private static func subject(of certificate: OpaquePointer?) -> String {
        guard let certificate, let name = X509_get_subject_name(certificate) else {
            return "(no subject)"
        }
        var buffer = [CChar](repeating: 0, count: 512)
        guard X509_NAME_oneline(name, &buffer, Int32(buffer.count)) != nil else {
            return "(no subject)"
        }
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
