internal import GatewayAPI
internal import GatewayStore
internal import ServiceSupport

/// The Events requests' checks: filter shapes, start positions, consumer names, and the
/// TwiML a consumer sends back to a waiting webhook.
extension RequestValidation {
    /// The event types a filter may name.
    static let eventTypes: [EventType] = [
        .smsInbound, .messageStatus, .callInbound, .callStatus, .verifyStatus, .optOut, .optIn,
    ]
    /// The most characters of a durable consumer name.
    static let consumerNameLimit = 64
    /// The most bytes of TwiML a consumer may send back (UTF-8).
    static let twimlLimit = 64 * 1024
    /// The most events one ListEvents page holds, and how many when the request says 0.
    static let listLimits = (maximum: 1000, standard: 50)

    /// The filter of a SubscribeEvents request, once its filters, start and consumer are valid.
    static func validate(_ request: SubscribeEventsRequest) throws -> EventFilter {
        var violations: [FieldViolation] = []
        let filter = eventFilter(
            types: request.types,
            phoneNumber: request.phoneNumber,
            sid: request.sid,
            violations: &violations
        )
        switch request.start {
        case .offset(let offset) where offset < 0:
            violations.append(
                FieldViolation(field: "start_offset", description: "\(offset) is negative; offsets start at 1")
            )
        case .time(let time) where Timestamp.seconds(fromRFC3339: time) == nil:
            violations.append(
                FieldViolation(
                    field: "start_time",
                    description: "'\(time)' is not an RFC 3339 date-time such as 2026-01-01T12:30:00Z"
                )
            )
        default:
            break
        }
        if !request.consumer.isEmpty {
            violations += consumerViolations(request.consumer)
        }
        try throwIfAny(violations)
        return filter
    }

    /// The filter of a ListEvents request, once its filters, offset and limit are valid.
    static func validate(_ request: ListEventsRequest) throws -> EventFilter {
        var violations: [FieldViolation] = []
        let filter = eventFilter(
            types: request.types,
            phoneNumber: request.phoneNumber,
            sid: request.sid,
            violations: &violations
        )
        if request.beforeOffset < 0 {
            violations.append(
                FieldViolation(field: "before_offset", description: "\(request.beforeOffset) is negative; 0 for newest")
            )
        }
        if !(0...Int32(listLimits.maximum)).contains(request.limit) {
            violations.append(
                FieldViolation(
                    field: "limit",
                    description: "\(request.limit) is not 1 to \(listLimits.maximum) (0 for \(listLimits.standard))"
                )
            )
        }
        try throwIfAny(violations)
        return filter
    }

    static func validate(_ request: AckEventsRequest) throws {
        var violations = consumerViolations(request.consumer)
        if request.offset < 0 {
            violations.append(FieldViolation(field: "offset", description: "\(request.offset) is negative"))
        }
        try throwIfAny(violations)
    }

    static func validate(_ request: RespondToCallRequest) throws {
        var violations: [FieldViolation] = []
        if !TwilioSID.isValid(request.callSID, prefix: "CA") {
            violations.append(
                FieldViolation(field: "call_sid", description: "must be CA followed by 32 hex digits")
            )
        }
        violations += twimlViolations(request.twiml)
        try throwIfAny(violations)
    }

    static func validate(_ request: ReplyToMessageRequest) throws {
        var violations: [FieldViolation] = []
        if !TwilioSID.isValid(request.messageSID, prefix: "SM"), !TwilioSID.isValid(request.messageSID, prefix: "MM") {
            violations.append(
                FieldViolation(field: "message_sid", description: "must be SM or MM followed by 32 hex digits")
            )
        }
        violations += twimlViolations(request.twiml)
        try throwIfAny(violations)
    }

    /// The filter the request's fields describe; what is wrong with them goes to `violations`.
    private static func eventFilter(
        types: [String],
        phoneNumber: String,
        sid: String,
        violations: inout [FieldViolation]
    ) -> EventFilter {
        let known = Set(eventTypes.map(\.rawValue))
        for type in types where !known.contains(type) {
            violations.append(
                FieldViolation(
                    field: "types",
                    description:
                        "'\(type)' is not an event type; use \(eventTypes.map(\.rawValue).joined(separator: ", "))"
                )
            )
        }
        if !phoneNumber.isEmpty, !isAddress(phoneNumber) {
            violations.append(
                FieldViolation(
                    field: "phone_number",
                    description:
                        "must be an E.164 number such as +15551234567, or a channel address such as whatsapp:+15551234567"
                )
            )
        }
        if !sid.isEmpty, !isSID(sid) {
            violations.append(
                FieldViolation(
                    field: "sid",
                    description: "must be a message or call SID: SM, MM or CA and 32 hex digits"
                )
            )
        }
        return EventFilter(
            types: Set(types.map(EventType.init(rawValue:))),
            phoneNumber: phoneNumber.isEmpty ? nil : phoneNumber,
            sid: sid.isEmpty ? nil : sid
        )
    }

    private static func consumerViolations(_ name: String) -> [FieldViolation] {
        let allowed = name.utf8.allSatisfy { byte in
            (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
                || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
        }
        guard name.isEmpty || !allowed || name.utf8.count > consumerNameLimit else {
            return []
        }
        return [
            FieldViolation(
                field: "consumer",
                description:
                    "must be 1 to \(consumerNameLimit) letters, digits, '.', '_' or '-', such as billing-worker.1"
            )
        ]
    }

    /// Checks that `twiml` fits and is, at its edges, one `<Response>` document: optional XML
    /// declaration, then `<Response>…</Response>` or `<Response/>`. Twilio parses the rest.
    private static func twimlViolations(_ twiml: String) -> [FieldViolation] {
        guard twiml.utf8.count <= twimlLimit else {
            return [
                FieldViolation(
                    field: "twiml",
                    description: "is \(twiml.utf8.count) bytes; TwiML may be at most \(twimlLimit) bytes (64 KiB)"
                )
            ]
        }
        var body = Substring(twiml).drop { $0.isWhitespace }
        while body.last?.isWhitespace == true {
            body = body.dropLast()
        }
        if body.hasPrefix("<?xml"), let end = body.firstRange(of: "?>") {
            body = body[end.upperBound...].drop { $0.isWhitespace }
        }
        let opens = ["<Response>", "<Response/>", "<Response ", "<Response\n"].contains { body.hasPrefix($0) }
        let selfClosing = body.hasSuffix("/>") && !body.dropFirst().contains("<")
        let closes = body.hasSuffix("</Response>") || selfClosing
        guard !opens || !closes else {
            return []
        }
        return [
            FieldViolation(
                field: "twiml",
                description: "must be a TwiML document: <Response>...</Response>, optionally after <?xml ...?>"
            )
        ]
    }

    /// `+` and 2 to 15 digits, or `channel:address` (whatsapp:+1…, client:alice, sip:…).
    private static func isAddress(_ text: String) -> Bool {
        if text.hasPrefix("+") {
            let digits = text.utf8.dropFirst()
            return (2...15).contains(digits.count) && digits.allSatisfy { (0x30...0x39).contains($0) }
        }
        guard let colon = text.firstIndex(of: ":"), colon != text.startIndex, text.index(after: colon) != text.endIndex
        else {
            return false
        }
        return text[..<colon].allSatisfy { $0.isASCII && $0.isLetter }
            && !text.contains {
                $0.isWhitespace || $0.unicodeScalars.contains { $0.properties.generalCategory == .control }
            }
    }

    private static func isSID(_ text: String) -> Bool {
        ["SM", "MM", "CA"].contains { TwilioSID.isValid(text, prefix: $0) }
    }
}
