public import ProtoBridge

/// A request to change one call (`twilio.gateway.v1.UpdateCallRequest`).
public struct UpdateCallRequest: Hashable, Sendable, ProtoMessageConvertible {
    /// The change to make (the `action` oneof).
    public enum Action: Hashable, Sendable {
        /// A new status: `canceled` ends a queued or ringing call, `completed` hangs it up.
        case status(String)
        /// A URL that returns the TwiML the call runs from now on.
        case twimlURL(String)
        /// Inline TwiML the call runs from now on, at most 4,000 characters.
        case twiml(String)
    }

    public static let protoTypeName = "twilio.gateway.v1.UpdateCallRequest"

    /// The call SID (CA followed by 32 hex digits).
    public var sid: String
    /// The change to make; exactly one must be given.
    public var action: Action?
    /// How Twilio requests the TwiML URL, `GET` or `POST`; "" for Twilio's default, `POST`.
    public var method: String

    /// Creates a request.
    public init(sid: String = "", action: Action? = nil, method: String = "") {
        self.sid = sid
        self.action = action
        self.method = method
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
        if let status = try message.string("status") {
            action = .status(status)
        } else if let url = try message.string("twiml_url") {
            action = .twimlURL(url)
        } else if let twiml = try message.string("twiml") {
            action = .twiml(twiml)
        } else {
            action = nil
        }
        method = try message.string("method") ?? ""
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(typeName: Self.protoTypeName, ["sid": .string(sid)])
        switch action {
        case .status(let status): message["status"] = .string(status)
        case .twimlURL(let url): message["twiml_url"] = .string(url)
        case .twiml(let twiml): message["twiml"] = .string(twiml)
        case nil: break
        }
        message["method"] = .string(method)

        return message
    }
}
