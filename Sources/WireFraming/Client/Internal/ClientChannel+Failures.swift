internal import RPCCore
internal import SecureTransport

/// The errors of a connection that ended badly, worded so that the caller can tell a server that
/// went away from a client set up for the wrong server.
extension ClientChannel {
    /// The error for a connection that closed or was reset. A plaintext connection that ends
    /// before the server's TWGW preface adds that the server may expect TLS: that is how a TLS
    /// server answers a client that does not speak TLS. It stays `UNAVAILABLE`, since a server
    /// that is starting or stopping ends connections the same way.
    func connectionLost() -> RPCError {
        guard configuration.tls == nil, !receivedServerPreface else {
            return RPCError(code: .unavailable, message: "connection to \(address) lost")
        }
        return RPCError(
            code: .unavailable,
            message: "connection to \(address) lost before the server's TWGW preface; the server may expect TLS (--tls)"
        )
    }

    /// The error for a plaintext connection whose server answered the preface with what looks
    /// like a TLS record (content type alert `15` or handshake `16`, then major version `03`),
    /// or `nil` when the server's first bytes are something else.
    func answeredWithTLS(_ leadingBytes: [UInt8]) -> RPCError? {
        guard configuration.tls == nil, !receivedServerPreface, leadingBytes.count >= 2,
            [0x15, 0x16].contains(leadingBytes[0]), leadingBytes[1] == 0x03
        else {
            return nil
        }
        return RPCError(
            code: .unavailable,
            message: "connection to \(address) lost: the server answered with a TLS record instead of the TWGW "
                + "preface; the server may expect TLS (--tls)"
        )
    }

    /// The error for a failed TLS handshake or record. A certificate that does not verify (an
    /// untrusted issuer, a self-signed certificate, a name it does not carry) is
    /// `FAILED_PRECONDITION`, which is not retryable: trying again meets the same certificate.
    /// So is a server whose first bytes (`leadingBytes`) are not a TLS record, such as a
    /// plaintext server's TWGW preface: it does not use TLS on that port, and will not on a retry.
    /// Anything else is `UNAVAILABLE`.
    func tlsFailure(_ error: TLSError, leadingBytes: [UInt8]) -> RPCError {
        let message = "cannot connect to \(address) with TLS: \(error.message)"
        if let answer = Self.notTLS(leadingBytes) {
            return RPCError(
                code: .failedPrecondition,
                message: message + "; the server answered with \(answer), so it may not use TLS on this port: "
                    + "drop --tls, or check the port"
            )
        }
        guard error.isCertificateRejected else {
            return RPCError(code: .unavailable, message: message)
        }
        return RPCError(
            code: .failedPrecondition,
            message: message + "; trust the server's CA (--tls-ca), or name the host its certificate carries "
                + "(--tls-server-name)"
        )
    }

    /// What a TLS client's server sent first, when it is not the start of a TLS record (content
    /// type `14` to `17`, then major version `03`): `its TWGW preface` or `bytes that are not
    /// TLS`; `nil` when it looks like TLS or nothing arrived.
    static func notTLS(_ leadingBytes: [UInt8]) -> String? {
        guard let first = leadingBytes.first else {
            return nil
        }
        if (0x14...0x17).contains(first), leadingBytes.count < 2 || leadingBytes[1] == 0x03 {
            return nil
        }
        let preface = Array("TWGW".utf8)
        return leadingBytes.elementsEqual(preface.prefix(leadingBytes.count))
            ? "its TWGW preface" : "bytes that are not TLS"
    }
}
