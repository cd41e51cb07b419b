public import ProtoBridge

/// The TwiML for a waiting inbound call (`twilio.gateway.v1.RespondToCallRequest`).
public struct RespondToCallRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.RespondToCallRequest"

    /// The SID of the inbound call (CA followed by 32 hex digits).
    public var callSID: String
    /// The TwiML document Twilio runs for the call, at most 64 KiB.
    public var twiml: String

    /// Creates a request.
    public init(callSID: String = "", twiml: String = "") {
        self.callSID = callSID
        self.twiml = twiml
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        callSID = try message.string("call_sid") ?? ""
        twiml = try message.string("twiml") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["call_sid": .string(callSID), "twiml": .string(twiml)])
    }
}
