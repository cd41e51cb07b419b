internal import COpenSSL
internal import Glibc

/// What a TLS client trusts and which name it expects the server to prove, shared by every
/// connection it makes.
///
/// Verification is always on: a server whose certificate does not chain to a trusted root,
/// has expired, or does not name the expected host or IP address fails the handshake.
public final class TLSClientContext: Sendable {
    let handle: ContextHandle

    /// The name checked against the server's certificate instead of the host connected to,
    /// or `nil` to check the host itself.
    public let serverName: String?

    /// Loads the trusted roots.
    ///
    /// - Parameters:
    ///   - trustRootsPath: A PEM file of CA certificates to trust, or `nil` for the system's
    ///     store.
    ///   - serverName: The DNS name or IP address the server's certificate must carry, and
    ///     the name sent in SNI, when it differs from the host connected to.
    ///   - additionalTrustedCertificatesPath: A PEM file of certificates trusted on top of
    ///     the roots, each one by itself: a server whose chain reaches any of them verifies,
    ///     even when it is a leaf or an intermediate whose own issuer is not trusted (OpenSSL's
    ///     `X509_V_FLAG_PARTIAL_CHAIN`, set on this context only). Give a server's own
    ///     certificate chain file to trust that server. Because the flag applies to the
    ///     context's whole store, an intermediate found among the roots is then trusted by
    ///     itself too. `nil` trusts the roots alone.
    /// - Throws: ``TLSError`` naming a CA or certificate file that cannot be read, is a
    ///   directory or holds no certificate, or saying that the system store cannot be loaded.
    public convenience init(
        trustRootsPath: String? = nil,
        serverName: String? = nil,
        additionalTrustedCertificatesPath: String? = nil
    ) throws(TLSError) {
        try self.init(
            trustRootsPath: trustRootsPath,
            serverName: serverName,
            additionalTrustedCertificatesPath: additionalTrustedCertificatesPath,
            maximumVersion: nil
        )
    }

    /// Like ``init(trustRootsPath:serverName:additionalTrustedCertificatesPath:)``, and with
    /// `maximumVersion` (an OpenSSL version constant such as `TLS1_2_VERSION`) refuses newer
    /// protocols; for tests.
    init(
        trustRootsPath: String?,
        serverName: String?,
        additionalTrustedCertificatesPath: String? = nil,
        maximumVersion: Int32?
    ) throws(TLSError) {
        let handle = try ContextHandle(isServer: false)
        SSL_CTX_set_verify(handle.pointer, SSL_VERIFY_PEER, nil)
        OpenSSLErrorQueue.clear()
        if let trustRootsPath {
            try Self.load(trustRootsPath, "CA file", into: handle, hint: "give PEM certificates")
        } else {
            guard SSL_CTX_set_default_verify_paths(handle.pointer) == 1 else {
                let reason = OpenSSLErrorQueue.takeReasons(or: "no reason")
                throw TLSError("cannot load the system's trusted TLS roots: \(reason); give a CA file instead")
            }
        }
        if let additionalTrustedCertificatesPath {
            try Self.load(
                additionalTrustedCertificatesPath,
                "certificate file",
                into: handle,
                hint: "give PEM certificates, such as the server's certificate chain"
            )
            guard X509_STORE_set_flags(SSL_CTX_get_cert_store(handle.pointer), UInt(X509_V_FLAG_PARTIAL_CHAIN)) == 1
            else {
                let reason = OpenSSLErrorQueue.takeReasons(or: "no reason")
                throw TLSError("OpenSSL refused to trust certificates by themselves: \(reason)")
            }
        }
        if let maximumVersion {
            try handle.limitMaximumVersion(to: maximumVersion)
        }
        self.handle = handle
        self.serverName = serverName
    }

    /// Adds the PEM certificates in `path` to the trusted ones of `handle`.
    private static func load(_ path: String, _ what: String, into handle: ContextHandle, hint: String)
        throws(TLSError)
    {
        guard try !TLSFileOpening.isDirectory(path, what) else {
            throw TLSError(
                "the TLS \(what) \(path) is a directory; give a PEM file that holds the certificates, such as "
                    + "the CA's certificate file"
            )
        }
        guard SSL_CTX_load_verify_locations(handle.pointer, path, nil) == 1 else {
            let reason = OpenSSLErrorQueue.takeReasons(or: "no certificate found")
            throw TLSError("cannot use the TLS \(what) \(path): \(reason); \(hint)")
        }
    }
}
