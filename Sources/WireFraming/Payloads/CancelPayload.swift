public import RPCCore

/// The payload of a CANCEL frame: the status code the client gives for stopping the call.
///
/// Layout: u8 status code, normally ``RPCStatusCode/cancelled``. A receiver reads the first
/// byte and ignores any more; an empty payload means ``RPCStatusCode/cancelled``.
public struct CancelPayload: Hashable, Sendable {
    /// Why the client stops the call.
    public var code: RPCStatusCode

    /// Creates a payload.
    public init(code: RPCStatusCode = .cancelled) {
        self.code = code
    }

    /// Decodes a CANCEL payload; never fails.
    public init(decoding payload: [UInt8]) {
        self.init(code: payload.first.map(RPCStatusCode.init(rawValue:)) ?? .cancelled)
    }

    /// Appends the encoded payload to `output`.
    public func encode(into output: inout [UInt8]) {
        output.append(code.rawValue)
    }
}
