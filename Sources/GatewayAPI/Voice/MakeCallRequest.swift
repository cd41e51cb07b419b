public import ProtoBridge

/// A request to place one outbound call (`twilio.gateway.v1.MakeCallRequest`).
public struct MakeCallRequest: Hashable, Sendable, ProtoMessageConvertible {
    /// What a call does once answered (the `instructions` oneof).
    public enum Instructions: Hashable, Sendable {
        /// A URL that returns TwiML; Twilio fetches it when the call connects.
        case twimlURL(String)
        /// Inline TwiML, at most 4,000 characters.
        case twiml(String)
    }

    public static let protoTypeName = "twilio.gateway.v1.MakeCallRequest"

    /// The party to call, in E.164 format.
    public var to: String
    /// The caller ID: a Twilio number or a verified caller ID of the account.
    public var from: String
    /// What the call does once answered; exactly one must be given for Twilio to accept it.
    public var instructions: Instructions?
    /// A URL that Twilio calls with the call's progress events, or "".
    public var statusCallback: String

    /// Creates a request.
    public init(to: String = "", from: String = "", instructions: Instructions? = nil, statusCallback: String = "") {
        self.to = to
        self.from = from
        self.instructions = instructions
        self.statusCallback = statusCallback
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        to = try message.string("to") ?? ""
        from = try message.string("from") ?? ""
        if let url = try message.string("twiml_url") {
            instructions = .twimlURL(url)
        } else if let twiml = try message.string("twiml") {
            instructions = .twiml(twiml)
        } else {
            instructions = nil
        }
        statusCallback = try message.string("status_callback") ?? ""
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(typeName: Self.protoTypeName, ["to": .string(to), "from": .string(from)])
        switch instructions {
        case .twimlURL(let url): message["twiml_url"] = .string(url)
        case .twiml(let twiml): message["twiml"] = .string(twiml)
        case nil: break
        }
        message["status_callback"] = .string(statusCallback)

        return message
    }
}
