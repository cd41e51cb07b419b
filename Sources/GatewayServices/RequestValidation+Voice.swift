internal import GatewayAPI

/// The Voice requests' checks. Beyond presence, values that have a fixed set of spellings
/// (methods, events, statuses, machine detection modes) are checked here, so that a typo is
/// an INVALID_ARGUMENT that lists the allowed values rather than a Twilio error.
extension RequestValidation {
    static let callEvents = ["initiated", "ringing", "answered", "completed"]
    static let machineDetectionModes = ["Enable", "DetectMessageEnd"]
    static let callStatusChanges = ["canceled", "completed"]

    static func validate(_ request: MakeCallRequest) throws {
        var violations = callRecipientViolations("to", request.to) + callerIDViolations("from", request.from)
        switch request.instructions {
        case nil:
            violations.append(
                FieldViolation(field: "instructions", description: "exactly one of twiml_url or twiml is required")
            )
        case .twimlURL(let url):
            violations += twimlURLViolations(url)
        case .twiml:
            break
        }
        violations += callbackURLViolations("status_callback", request.statusCallback)
        violations += methodViolations(request.method)
        for event in request.statusCallbackEvents where !callEvents.contains(event) {
            violations.append(
                FieldViolation(
                    field: "status_callback_events",
                    description: "'\(event)' is not an event; use \(callEvents.joined(separator: ", "))"
                )
            )
        }
        if !request.statusCallbackEvents.isEmpty, request.statusCallback.isEmpty {
            violations.append(
                FieldViolation(
                    field: "status_callback",
                    description: "status_callback_events were given, so a status_callback URL is required"
                )
            )
        }
        if request.timeout != 0, !(1...600).contains(request.timeout) {
            violations.append(
                FieldViolation(field: "timeout", description: "\(request.timeout) is not 1 to 600 seconds (0 for 60)")
            )
        }
        if !request.machineDetection.isEmpty, !machineDetectionModes.contains(request.machineDetection) {
            violations.append(
                FieldViolation(
                    field: "machine_detection",
                    description: "'\(request.machineDetection)' is not a mode; use Enable or DetectMessageEnd"
                )
            )
        }
        try throwIfAny(violations)
    }

    static func validate(_ request: GetCallRequest) throws {
        try throwIfAny(sidViolations(request.sid))
    }

    static func validate(_ request: UpdateCallRequest) throws {
        var violations = sidViolations(request.sid)
        switch request.action {
        case nil:
            violations.append(
                FieldViolation(field: "action", description: "exactly one of status, twiml_url or twiml is required")
            )
        case .status(let status) where !callStatusChanges.contains(status):
            violations.append(
                FieldViolation(
                    field: "status",
                    description: "'\(status)' cannot be set; use canceled (queued or ringing calls) or completed"
                )
            )
        case .twimlURL(let url):
            violations += twimlURLViolations(url)
        default:
            break
        }
        violations += methodViolations(request.method)
        try throwIfAny(violations)
    }

    /// A violation unless `url` is an http or https URL; unlike a callback it cannot be empty.
    private static func twimlURLViolations(_ url: String) -> [FieldViolation] {
        guard url.isEmpty else {
            return callbackURLViolations("twiml_url", url, example: "https://example.com/twiml/answer")
        }
        return [
            FieldViolation(
                field: "twiml_url",
                description: "twiml_url is required: an http or https URL that returns TwiML"
            )
        ]
    }

    private static func methodViolations(_ method: String) -> [FieldViolation] {
        guard !method.isEmpty, method != "GET", method != "POST" else {
            return []
        }
        return [FieldViolation(field: "method", description: "'\(method)' is not GET or POST")]
    }

    private static func sidViolations(_ sid: String) -> [FieldViolation] {
        let digits = sid.utf8.dropFirst(2)
        let isHex = digits.allSatisfy {
            (0x30...0x39).contains($0) || (0x41...0x46).contains($0) || (0x61...0x66).contains($0)
        }
        guard !sid.hasPrefix("CA") || digits.count != 32 || !isHex else {
            return []
        }
        return [FieldViolation(field: "sid", description: "'\(sid)' is not a call SID: CA followed by 32 hex digits")]
    }
}
