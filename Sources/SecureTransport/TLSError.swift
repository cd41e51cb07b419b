/// Why TLS could not be set up or a TLS connection failed: a certificate or key file that
/// cannot be used, a failed handshake, a certificate that does not verify, or a broken record.
///
/// The message names the file or the step and gives OpenSSL's reason; it never contains the
/// bytes of a private key.
public struct TLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed and what to fix, such as `the TLS handshake failed: certificate verify
    /// failed (unable to get local issuer certificate)`.
    public let message: String

    /// Creates an error with `message`.
    public init(_ message: String) {
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
