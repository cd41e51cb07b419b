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
    /// How Twilio requests the TwiML URL, `GET` or `POST`; "" for Twilio's default, `POST`.
    public var method: String
    /// The progress events sent to ``statusCallback``: `initiated`, `ringing`, `answered`,
    /// `completed`; empty for Twilio's default, `completed` only.
    public var statusCallbackEvents: [String]
    /// How many seconds the call may ring, 1 to 600; 0 for Twilio's default, 60.
    public var timeout: Int32
    /// Whether to record the call.
    public var record: Bool
    /// Answering machine detection, `Enable` or `DetectMessageEnd`; "" for none.
    public var machineDetection: String

    /// Creates a request.
    public init(
        to: String = "",
        from: String = "",
        instructions: Instructions? = nil,
        statusCallback: String = "",
        method: String = "",
        statusCallbackEvents: [String] = [],
        timeout: Int32 = 0,
        record: Bool = false,
        machineDetection: String = ""
    ) {
        self.to = to
        self.from = from
        self.instructions = instructions
        self.statusCallback = statusCallback
        self.method = method
        self.statusCallbackEvents = statusCallbackEvents
        self.timeout = timeout
        self.record = record
        self.machineDetection = machineDetection
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
        method = try message.string("method") ?? ""
        statusCallbackEvents = try message.strings("status_callback_events")
        timeout = try message.int32("timeout") ?? 0
        record = try message.bool("record") ?? false
        machineDetection = try message.string("machine_detection") ?? ""
    }

    public var protoMessage: ProtoMessage {
        var message = ProtoMessage(typeName: Self.protoTypeName, ["to": .string(to), "from": .string(from)])
        switch instructions {
        case .twimlURL(let url): message["twiml_url"] = .string(url)
        case .twiml(let twiml): message["twiml"] = .string(twiml)
        case nil: break
        }
        message["status_callback"] = .string(statusCallback)
        message["method"] = .string(method)
        message["status_callback_events"] = .list(statusCallbackEvents.map(ProtoValue.string))
        message["timeout"] = .int(Int64(timeout))
        message["record"] = .bool(record)
        message["machine_detection"] = .string(machineDetection)

        return message
    }
}
