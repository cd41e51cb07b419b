internal import GatewayAPI
internal import RPCCore
internal import ServiceSupport
internal import TwilioREST

extension RequestValidation {
    /// The Twilio request for `request`, after checking what the gateway must understand itself.
    ///
    /// - Throws: INVALID_ARGUMENT naming every wrong field.
    static func createMessageRequest(for request: SendSmsRequest) throws -> CreateMessageRequest {
        var violations = messageRecipientViolations("to", request.to)
        violations += senderViolations(request.sender)
        violations += mediaURLViolations(request.mediaURLs)
        violations += callbackURLViolations("status_callback", request.statusCallback)
        violations += scheduleViolations(request)
        violations += contentViolations(request)
        if request.validityPeriod != 0, !(1...36000).contains(request.validityPeriod) {
            violations.append(
                FieldViolation(
                    field: "validity_period",
                    description: "must be 1 to 36000 seconds, or 0 for Twilio's default (36000)"
                )
            )
        }
        violations += idempotencyKeyViolations(request.idempotencyKey, field: "idempotency_key")
        try throwIfAny(violations)

        var twilioRequest = CreateMessageRequest(to: request.to, mediaURLs: request.mediaURLs)
        switch request.sender {
        case .from(let number): twilioRequest.from = number
        case .messagingServiceSID(let sid): twilioRequest.messagingServiceSID = sid
        case nil: break
        }
        twilioRequest.body = request.body.isEmpty ? nil : request.body
        twilioRequest.statusCallback = request.statusCallback.isEmpty ? nil : request.statusCallback
        twilioRequest.validityPeriod = request.validityPeriod == 0 ? nil : Int(request.validityPeriod)
        if let sendAt = Timestamp.seconds(fromRFC3339: request.sendAt) {
            twilioRequest.scheduleType = "fixed"
            twilioRequest.sendAt = Timestamp.rfc3339WholeSeconds(sendAt)
        }
        twilioRequest.contentSID = request.contentSID.isEmpty ? nil : request.contentSID
        twilioRequest.contentVariables = ContentVariables.json(request)

        return twilioRequest
    }

    /// Checks a message SID that goes into a path.
    ///
    /// - Throws: INVALID_ARGUMENT when `sid` is not `SM` or `MM` followed by 32 hex digits.
    static func validateMessageSID(_ sid: String) throws {
        guard !(TwilioSID.isValid(sid, prefix: "SM") || TwilioSID.isValid(sid, prefix: "MM")) else {
            return
        }
        let description =
            sid.isEmpty
            ? "the message SID is required: SM or MM followed by 32 hex digits"
            : "must be SM or MM followed by 32 hex digits, such as SM0123456789abcdef0123456789abcdef"
        try throwIfAny([FieldViolation(field: "sid", description: description)])
    }

    /// Violations of an idempotency key: at most 255 characters, none of them control characters.
    static func idempotencyKeyViolations(_ key: String, field: String) -> [FieldViolation] {
        guard
            key.unicodeScalars.count > 255
                || key.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            return []
        }
        return [
            FieldViolation(field: field, description: "must be at most 255 printable characters, such as a UUID")
        ]
    }

    private static func senderViolations(_ sender: SendSmsRequest.Sender?) -> [FieldViolation] {
        switch sender {
        case nil:
            return [
                FieldViolation(field: "sender", description: "exactly one of from or messaging_service_sid is required")
            ]
        case .from(let number) where number.isEmpty:
            return [
                FieldViolation(
                    field: "from",
                    description: "must not be empty: exactly one of from or messaging_service_sid is required"
                )
            ]
        case .from(let number):
            return messageSenderViolations("from", number)
        case .messagingServiceSID(let sid) where !TwilioSID.isValid(sid, prefix: "MG"):
            return [FieldViolation(field: "messaging_service_sid", description: "must be MG followed by 32 hex digits")]
        default:
            return []
        }
    }

    /// The most media URLs one message may carry: Twilio's limit, beyond which it refuses the
    /// message.
    static let mostMediaURLs = 10

    /// Violations of media URLs: at most ``mostMediaURLs`` of them, each one an http or https URL
    /// Twilio can fetch. The message says what is wrong with the first URL that is not.
    static func mediaURLViolations(_ urls: [String]) -> [FieldViolation] {
        guard urls.count <= mostMediaURLs else {
            return [
                FieldViolation(
                    field: "media_urls",
                    description: "must hold at most \(mostMediaURLs) URLs, Twilio's limit for one message "
                        + "(this one has \(urls.count))"
                )
            ]
        }
        guard let problem = urls.lazy.compactMap(httpURLProblem).first else {
            return []
        }
        return [
            FieldViolation(
                field: "media_urls",
                description: "each must be an http or https URL \(problem), such as https://example.com/a.png"
            )
        ]
    }

    private static func scheduleViolations(_ request: SendSmsRequest) -> [FieldViolation] {
        var violations: [FieldViolation] = []
        if !["", "fixed"].contains(request.scheduleType) {
            violations.append(
                FieldViolation(field: "schedule_type", description: "must be fixed (its only value), or empty")
            )
        }
        if request.sendAt.isEmpty {
            if !request.scheduleType.isEmpty {
                violations.append(FieldViolation(field: "send_at", description: "is required with schedule_type"))
            }
            return violations
        }
        if Timestamp.seconds(fromRFC3339: request.sendAt) == nil {
            violations.append(
                FieldViolation(
                    field: "send_at",
                    description: "must be an RFC 3339 date-time, such as 2025-01-01T12:30:00Z"
                )
            )
        }
        if case .messagingServiceSID = request.sender {
            return violations
        }
        violations.append(
            FieldViolation(
                field: "send_at",
                description: "scheduling needs messaging_service_sid: Twilio schedules only messages sent "
                    + "through a Messaging Service"
            )
        )
        return violations
    }

    private static func contentViolations(_ request: SendSmsRequest) -> [FieldViolation] {
        var violations: [FieldViolation] = []
        let hasVariables = !request.contentVariables.isEmpty || !request.contentVariablesJSON.isEmpty
        if !request.contentSID.isEmpty, !TwilioSID.isValid(request.contentSID, prefix: "HX") {
            violations.append(FieldViolation(field: "content_sid", description: "must be HX followed by 32 hex digits"))
        }
        if hasVariables, request.contentSID.isEmpty {
            violations.append(
                FieldViolation(field: "content_variables", description: "needs content_sid, the template they fill")
            )
        }
        if !request.contentVariables.isEmpty, !request.contentVariablesJSON.isEmpty {
            violations.append(
                FieldViolation(
                    field: "content_variables_json",
                    description: "give content_variables or content_variables_json, not both"
                )
            )
        }
        if !request.contentVariablesJSON.isEmpty, !ContentVariables.isJSONObject(request.contentVariablesJSON) {
            violations.append(
                FieldViolation(
                    field: "content_variables_json",
                    description: #"must be a JSON object of strings, such as {"1":"Ana"}"#
                )
            )
        }
        return violations
    }
}
