/// Why TLS could not be set up or a TLS connection failed: a certificate or key file that
/// cannot be used, a failed handshake, a certificate that does not verify, or a broken record.
///
/// The message names the file or the step and gives OpenSSL's reason; it never contains the
/// bytes of a private key.
public struct TLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed and what to fix, such as `the TLS handshake failed: certificate verify
    /// failed (unable to get local issuer certificate)`.
    public let message: String

    /// Whether a client's handshake failed because the server's certificate did not verify (an
    /// untrusted issuer, a self-signed certificate, a name it does not carry): trying again
    /// meets the same certificate, unlike a connection that broke.
    public let isCertificateRejected: Bool

    /// Creates an error with `message`.
    ///
    /// - Parameters:
    ///   - message: What failed and what to fix.
    ///   - isCertificateRejected: Whether the peer's certificate failed verification.
    public init(_ message: String, isCertificateRejected: Bool = false) {
        self.message = message
        self.isCertificateRejected = isCertificateRejected
    }

    /// The message.
    public var description: String { message }
}
