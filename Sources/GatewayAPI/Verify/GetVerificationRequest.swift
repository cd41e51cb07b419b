public import ProtoBridge

/// A request to fetch one verification (`twilio.gateway.v1.GetVerificationRequest`).
public struct GetVerificationRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.GetVerificationRequest"

    /// The Verify Service SID (VA followed by 32 hex digits).
    public var serviceSID: String
    /// The verification SID (VE followed by 32 hex digits).
    public var sid: String

    /// Creates a request.
    public init(serviceSID: String = "", sid: String = "") {
        self.serviceSID = serviceSID
        self.sid = sid
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        serviceSID = try message.string("service_sid") ?? ""
        sid = try message.string("sid") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["service_sid": .string(serviceSID), "sid": .string(sid)])
    }
}
