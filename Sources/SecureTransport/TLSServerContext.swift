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

    /// The PEM file the private key was loaded from.
    public let privateKeyPath: String

    /// Whether the key file's group may read it (mode 0640, as with Debian's `ssl-cert` group),
    /// which is allowed but worth a warning at start.
    public let isPrivateKeyGroupReadable: Bool

    /// Loads a certificate chain and its private key, both PEM.
    ///
    /// - Parameters:
    ///   - certificateChainPath: The server's certificate first, then any intermediates.
    ///   - privateKeyPath: The private key of the first certificate, unencrypted, in a file that
    ///     others cannot read and only its owner can write.
    /// - Throws: ``TLSError`` naming the file that cannot be read or parsed, is a directory, or
    ///   whose mode lets others read it; saying that the key file holds no PEM private key (and,
    ///   when it holds a certificate while the chain file holds a key, that the two look
    ///   swapped), that the chain file holds a private key and no certificate, that the key is
    ///   encrypted (at once, never asking for a pass phrase) or that it does not belong to the
    ///   certificate.
    public init(certificateChainPath: String, privateKeyPath: String) throws(TLSError) {
        let handle = try ContextHandle(isServer: true)
        try Self.requireReadable(certificateChainPath, "certificate chain")
        try Self.requireReadable(privateKeyPath, "private key")
        try Self.requireKey(privateKeyPath, certificateChainPath)
        try Self.requireCertificate(certificateChainPath)
        let keyMode = try Self.requirePrivate(privateKeyPath)

        OpenSSLErrorQueue.clear()
        guard SSL_CTX_use_certificate_chain_file(handle.pointer, certificateChainPath) == 1 else {
            let reason = OpenSSLErrorQueue.takeReasons(or: "no certificate found")
            throw TLSError("cannot use the TLS certificate chain \(certificateChainPath): \(reason); give a PEM file")
        }
        guard try Self.usePrivateKey(handle.pointer, privateKeyPath) else {
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
        self.privateKeyPath = privateKeyPath
        self.isPrivateKeyGroupReadable = keyMode & 0o040 != 0
        self.certificateSubject = Self.subject(of: SSL_CTX_get0_certificate(handle.pointer))
    }

    /// Loads the key with a pass phrase callback that answers no pass phrase, so OpenSSL never
    /// prompts on the terminal.
    ///
    /// - Returns: Whether OpenSSL took the key.
    /// - Throws: ``TLSError`` when the key is encrypted (OpenSSL asked for a pass phrase).
    private static func usePrivateKey(_ context: OpaquePointer, _ path: String) throws(TLSError) -> Bool {
        let asked = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        asked.initialize(to: 0)
        defer { asked.deallocate() }
        SSL_CTX_set_default_passwd_cb(context) { _, _, _, userdata in
            userdata?.assumingMemoryBound(to: Int32.self).pointee = 1
            return -1
        }
        SSL_CTX_set_default_passwd_cb_userdata(context, asked)
        defer { SSL_CTX_set_default_passwd_cb_userdata(context, nil) }
        let used = SSL_CTX_use_PrivateKey_file(context, path, SSL_FILETYPE_PEM) == 1
        guard asked.pointee == 0 else {
            OpenSSLErrorQueue.clear()
            throw TLSError("the private key in \(path) is encrypted; give an unencrypted PEM key")
        }
        return used
    }

    /// Checks that the key file, when it is a regular file, holds a PEM private key, before its
    /// mode is checked: a certificate given as the key is a mistake to name, not a mode to fix.
    /// A pipe (`<(…)`) is left to OpenSSL, which could not read it a second time.
    ///
    /// - Throws: ``TLSError`` saying that the key file holds a certificate (and that the files
    ///   look swapped when the chain file holds a private key) or no PEM private key.
    private static func requireKey(_ privateKeyPath: String, _ certificateChainPath: String) throws(TLSError) {
        guard let key = PEMLabels(regularFileAt: privateKeyPath), !key.hasPrivateKey else {
            return
        }
        guard key.hasCertificate else {
            throw TLSError(
                "the TLS private key file \(privateKeyPath) holds no PEM private key; give an unencrypted PEM key"
            )
        }
        let chain = PEMLabels(regularFileAt: certificateChainPath)
        guard let chain, chain.hasPrivateKey, !chain.hasCertificate else {
            throw TLSError(
                "the TLS private key file \(privateKeyPath) holds a certificate, not a private key; give the PEM "
                    + "file of the certificate's private key"
            )
        }
        throw TLSError(
            "the TLS private key file \(privateKeyPath) holds a certificate, not a private key, and the certificate "
                + "chain file \(certificateChainPath) holds a private key: the two look swapped; give "
                + "\(privateKeyPath) as the certificate chain and \(certificateChainPath) as the key"
        )
    }

    /// Checks that the chain file, when it is a regular file, is not a private key alone, which
    /// OpenSSL would report only as a PEM without the line it looks for. (A key given as both
    /// files, or certificate and key swapped, is caught by ``requireKey(_:_:)`` first.)
    ///
    /// - Throws: ``TLSError`` saying that the chain file holds a private key, not a certificate.
    private static func requireCertificate(_ certificateChainPath: String) throws(TLSError) {
        guard let chain = PEMLabels(regularFileAt: certificateChainPath), chain.hasPrivateKey, !chain.hasCertificate
        else {
            return
        }
        throw TLSError(
            "the TLS certificate chain file \(certificateChainPath) holds a private key, not a certificate; give the "
                + "PEM file of the server's certificate (then any intermediates), and the key as the private key"
        )
    }

    /// The mode of the key file at `path`.
    ///
    /// - Throws: ``TLSError`` when others can read or write it, or its group can write it.
    private static func requirePrivate(_ path: String) throws(TLSError) -> mode_t {
        var status = stat()
        guard stat(path, &status) == 0 else {
            throw TLSError("cannot read the TLS private key \(path): \(String(cString: strerror(errno)))")
        }
        guard status.st_mode & 0o027 == 0 else {
            throw TLSError(
                "the TLS private key \(path) can be read by others, or written by anyone but its owner (mode "
                    + "\(String(status.st_mode & 0o777, radix: 8))); run `chmod 600 \(path)` (or 640 for a "
                    + "group such as ssl-cert)"
            )
        }
        return status.st_mode
    }

    private static func mismatch(_ privateKeyPath: String, _ certificateChainPath: String) -> TLSError {
        TLSError(
            "the TLS private key \(privateKeyPath) does not belong to the certificate in \(certificateChainPath); "
                + "give the key the certificate was issued for"
        )
    }

    /// Throws unless `path` can be opened for reading and is not a directory (which `fopen`
    /// opens, and whose mode would otherwise be taken for the file's).
    private static func requireReadable(_ path: String, _ what: String) throws(TLSError) {
        guard try !TLSFileOpening.isDirectory(path, what) else {
            throw TLSError("the TLS \(what) \(path) is a directory; give the PEM file of the \(what)")
        }
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
