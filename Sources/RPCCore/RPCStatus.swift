/// The outcome of a finished call as the server reports it in its trailers.
public struct RPCStatus: Hashable, Sendable {
    /// The status code.
    public var code: RPCStatusCode
    /// A message for the caller; empty for ``RPCStatusCode/ok``.
    public var message: String
    /// Encoded `twilio.gateway.v1.ErrorDetails`, or empty.
    public var details: [UInt8]

    /// Creates a status.
    public init(code: RPCStatusCode, message: String = "", details: [UInt8] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    /// The status of a call that succeeded.
    public static let ok = RPCStatus(code: .ok)

    /// The status that reports `error`.
    public init(_ error: RPCError) {
        self.init(code: error.code, message: error.message, details: error.details)
    }

    /// The error this status reports, or `nil` when it is ``RPCStatusCode/ok``.
    public var error: RPCError? {
        code == .ok ? nil : RPCError(code: code, message: message, details: details)
    }
}
