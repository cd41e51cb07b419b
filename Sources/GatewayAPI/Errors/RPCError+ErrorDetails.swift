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
