public import ProtoBridge

/// A request to check a verification code (`twilio.gateway.v1.CheckVerificationRequest`).
public struct CheckVerificationRequest: Hashable, Sendable, ProtoMessageConvertible {
    /// Which verification to check (the `target` oneof).
    public enum Target: Hashable, Sendable {
        /// The phone number or email address the code was sent to.
        case to(String)
        /// The verification SID returned by StartVerification.
        case verificationSID(String)
    }

    public static let protoTypeName = "twilio.gateway.v1.CheckVerificationRequest"

    /// The Verify Service SID (VA followed by 32 hex digits).
    public var serviceSID: String
    /// Which verification to check; exactly one must be given for Twilio to accept it.
    public var target: Target?
    /// The code the user entered, 4 to 10 characters.
    public var code: String

    /// Creates a request.
    public init(serviceSID: String = "", target: Target? = nil, code: String = "") {
        self.serviceSID = serviceSID
        self.target = target
        self.code = code
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        serviceSID = try message.string("service_sid") ?? ""
        if let to = try message.string("to") {
            target = .to(to)
        } else if let sid = try message.string("verification_sid") {
            target = .verificationSID(sid)
        } else {
            target = nil
        }
        code = try message.string("code") ?? ""
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(typeName: Self.protoTypeName, ["service_sid": .string(serviceSID)])
        switch target {
        case .to(let to): message["to"] = .string(to)
        case .verificationSID(let sid): message["verification_sid"] = .string(sid)
        case nil: break
        }
        message["code"] = .string(code)

        return message
    }
}
