/// A failed call: a status code, a message for the caller, and structured details.
public struct RPCError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Why the call failed; never ``RPCStatusCode/ok``.
    public var code: RPCStatusCode
    /// What went wrong and, where it helps, how to fix it.
    public var message: String
    /// A Protobuf-encoded `twilio.gateway.v1.ErrorDetails`, or empty when there are none.
    ///
    /// This layer carries the bytes as they are; `GatewayAPI` encodes and decodes them.
    public var details: [UInt8]

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: Why the call failed.
    ///   - message: What went wrong.
    ///   - details: Encoded `ErrorDetails`, or empty.
    public init(code: RPCStatusCode, message: String, details: [UInt8] = []) {
        self.code = code
        self.message = message
        self.details = details
    }

    public var description: String {
        "\(code): \(message)"
    }
}
