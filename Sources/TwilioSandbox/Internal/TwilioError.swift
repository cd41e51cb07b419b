internal import HTTPServer

/// A Twilio error answer: `{"code":…,"message":…,"more_info":…,"status":…}` with the HTTP
/// status in `status`, plus `detail` for the codes that carry one (20003).
///
/// Messages are Twilio's own wording where captures of the live API exist (20003, 20404, 21211,
/// 21212, 21602, 21603, 21604, 21606, 21611, 21612, 21614); the others follow the error
/// dictionary's titles. The codes for a bad ContentSid (21655), bad ContentVariables (21656), a
/// ScheduleType other than `fixed` (35111) and an update that is neither a cancellation nor a
/// redaction (20001) are unconfirmed; 35114, 90007 and 30409 are the dictionary's.
struct TwilioError: Error, Sendable, Equatable {
    var code: Int
    var message: String
    var status: Int
    var detail: String?

    /// The HTTP answer carrying this error; a 401 also names the Basic realm, as Twilio's does.
    var response: HTTPResponse {
        var members: [String: JSONValue] = [
            "code": .integer(code),
            "message": .string(message),
            "more_info": .string("https://www.twilio.com/docs/errors/\(code)"),
            "status": .integer(status),
        ]
        if let detail {
            members["detail"] = .string(detail)
        }
        var response = HTTPResponse.json(JSONValue.object(members).encoded, status: HTTPStatus(code: status))
        if status == 401 {
            response.headers.add(name: "WWW-Authenticate", value: #"Basic realm="Twilio API""#)
        }
        return response
    }

    static let authenticate = TwilioError(
        code: 20003,
        message: "Authenticate",
        status: 401,
        detail: "Your AccountSid or AuthToken was incorrect."
    )

    static func notFound(_ path: String) -> TwilioError {
        TwilioError(code: 20404, message: "The requested resource \(path) was not found", status: 404)
    }

    static let methodNotAllowed = TwilioError(code: 20004, message: "Method not allowed", status: 405)

    static let tooManyRequests = TwilioError(code: 20429, message: "Too many requests", status: 429)

    static let toRequired = TwilioError(code: 21604, message: "A 'To' phone number is required.", status: 400)

    static let fromRequired = TwilioError(code: 21603, message: "A 'From' phone number is required.", status: 400)

    static let bodyRequired = TwilioError(code: 21602, message: "Message body is required.", status: 400)

    static func invalidTo(_ to: String) -> TwilioError {
        TwilioError(code: 21211, message: "The 'To' number \(to) is not a valid phone number.", status: 400)
    }

    static func invalidFrom(_ from: String) -> TwilioError {
        TwilioError(
            code: 21212,
            message: "The 'From' number \(from) is not a valid phone number, shortcode, or alphanumeric sender ID.",
            status: 400
        )
    }

    static func bodyTooLong() -> TwilioError {
        TwilioError(
            code: 21617,
            message: "The concatenated message body exceeds the 1600 character limit.",
            status: 400
        )
    }

    static func notOwned(_ from: String) -> TwilioError {
        TwilioError(
            code: 21606,
            message: "The From phone number \(from) is not a valid, SMS-capable inbound phone number "
                + "or short code for your account.",
            status: 400
        )
    }

    static let queueFull = TwilioError(code: 21611, message: "SMS queue is full.", status: 429)

    static func unreachable(to: String, from: String, viaMMS: Bool) -> TwilioError {
        TwilioError(
            code: 21612,
            message: "The 'To' phone number: \(to), is not currently reachable using the 'From' phone number: "
                + "\(from) via \(viaMMS ? "MMS" : "SMS").",
            status: 400
        )
    }

    static func regionNotEnabled(_ to: String) -> TwilioError {
        TwilioError(
            code: 21408,
            message:
                "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: \(to)",
            status: 400
        )
    }

    static let unsubscribed = TwilioError(
        code: 21610,
        message: "Attempt to send to unsubscribed recipient",
        status: 400
    )

    static func notMobile(_ to: String) -> TwilioError {
        TwilioError(code: 21614, message: "To number: \(to), is not a mobile number", status: 400)
    }

    static func invalidContentSID(_ sid: String) -> TwilioError {
        TwilioError(code: 21655, message: "The ContentSid \(sid) is invalid.", status: 400)
    }

    static let invalidContentVariables = TwilioError(
        code: 21656,
        message: "The ContentVariables parameter is invalid: it must be a JSON object.",
        status: 400
    )

    static let invalidValidityPeriod = TwilioError(
        code: 90007,
        message: "Invalid validity period value: give whole seconds from 1 to 36000.",
        status: 400
    )

    static let invalidSendAt = TwilioError(
        code: 35114,
        message: "Scheduling does not support this timestamp: SendAt must be ISO 8601 UTC, "
            + "15 minutes to 35 days ahead.",
        status: 400
    )

    static let invalidScheduleType = TwilioError(
        code: 35111,
        message: "Invalid ScheduleType: the only value is fixed, and it needs SendAt.",
        status: 400
    )

    static let cannotCancel = TwilioError(code: 30409, message: "This message cannot be canceled.", status: 400)

    static let invalidUpdate = TwilioError(
        code: 20001,
        message: "Invalid update: send Status=canceled to cancel a scheduled message, or an empty Body to redact it.",
        status: 400
    )
}
