/// How the call that first used an idempotency key ended, as the service chose to record it.
///
/// The store does not interpret it: a service keeps its own status code, message and encoded
/// response or error details here, and gives them back to every later call with the key.
public struct IdempotencyOutcome: Hashable, Sendable {
    /// The call's status code, such as an RPC status number; 0 for success by convention.
    public var code: Int
    /// A message that goes with the code; empty on success.
    public var message: String
    /// The encoded response, or the encoded error details.
    public var payload: [UInt8]

    /// Creates an outcome.
    ///
    /// - Parameters:
    ///   - code: The status code.
    ///   - message: The message.
    ///   - payload: The encoded response or error details.
    public init(code: Int, message: String = "", payload: [UInt8] = []) {
        self.code = code
        self.message = message
        self.payload = payload
    }
}
