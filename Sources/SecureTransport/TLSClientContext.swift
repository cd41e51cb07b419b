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
    /// - Throws: ``TLSError`` naming a CA file that cannot be read or holds no certificate,
    ///   or saying that the system store cannot be loaded.
    public convenience init(trustRootsPath: String? = nil, serverName: String? = nil) throws(TLSError) {
        try self.init(trustRootsPath: trustRootsPath, serverName: serverName, maximumVersion: nil)
    }

    /// Like ``init(trustRootsPath:serverName:)``, and with `maximumVersion` (an OpenSSL
    /// version constant such as `TLS1_2_VERSION`) refuses newer protocols; for tests.
    init(trustRootsPath: String?, serverName: String?, maximumVersion: Int32?) throws(TLSError) {
        let handle = try ContextHandle(isServer: false)
        SSL_CTX_set_verify(handle.pointer, SSL_VERIFY_PEER, nil)
        OpenSSLErrorQueue.clear()
        if let trustRootsPath {
            guard let file = fopen(trustRootsPath, "r") else {
                throw TLSError("cannot read the TLS CA file \(trustRootsPath): \(String(cString: strerror(errno)))")
            }
            fclose(file)
            guard SSL_CTX_load_verify_locations(handle.pointer, trustRootsPath, nil) == 1 else {
                let reason = OpenSSLErrorQueue.takeReasons(or: "no certificate found")
                throw TLSError("cannot use the TLS CA file \(trustRootsPath): \(reason); give PEM certificates")
            }
        } else {
            guard SSL_CTX_set_default_verify_paths(handle.pointer) == 1 else {
                let reason = OpenSSLErrorQueue.takeReasons(or: "no reason")
                throw TLSError("cannot load the system's trusted TLS roots: \(reason); give a CA file instead")
            }
        }
        if let maximumVersion {
            try handle.limitMaximumVersion(to: maximumVersion)
        }
        self.handle = handle
        self.serverName = serverName
    }
}
