internal import ProtoBridge
public import RPCCore

extension RPCError {
    /// Creates an error that carries structured details.
    ///
    /// - Parameters:
    ///   - code: Why the call failed.
    ///   - message: What went wrong.
    ///   - details: Stored encoded in ``RPCCore/RPCError/details``. Details that cannot be
    ///     encoded (only a string holding U+0000 makes that happen) are left out, so the error
    ///     carries none.
    public init(code: RPCStatusCode, message: String, details: ErrorDetails) {
        self.init(code: code, message: message, details: (try? details.serializedBytes()) ?? [])
    }

    /// The decoded ``RPCCore/RPCError/details``, or `nil` when there are none or they do not
    /// decode as `twilio.gateway.v1.ErrorDetails`.
    public var errorDetails: ErrorDetails? {
        guard !details.isEmpty else {
            return nil
        }
        return try? ErrorDetails(serializedBytes: details)
    }
}

extension RPCError {
    /// Whether sending the same request again later may succeed.
    ///
    /// The server's ``ErrorDetails/retryable`` decides when details are present. Without them
    /// (a deadline enforced by the transport or dispatcher, a lost connection), UNAVAILABLE and
    /// DEADLINE_EXCEEDED are retryable and every other code is not, as docs/errors.md states.
    public var isRetryable: Bool {
        if let details = errorDetails {
            return details.retryable
        }
        return code == .unavailable || code == .deadlineExceeded
    }
}
