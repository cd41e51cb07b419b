/// The Calls API's error answers.
///
/// Codes and HTTP statuses follow twilio-api.md §8.2 and §3.2. The live API's exact wording
/// was not captured for these, so the messages follow the error dictionary's titles; the codes
/// for an invalid `Method` (21209) and `Timeout` (21208) come from the dictionary's numbering
/// and are unconfirmed, as is the use of 21205 for missing instructions and oversized TwiML,
/// and of 20001 for an unknown `Status` value.
extension TwilioError {
    static let callToRequired = TwilioError(code: 21201, message: "No 'To' number is specified", status: 400)

    static let callFromRequired = TwilioError(code: 21213, message: "No 'From' number is specified", status: 400)

    static let instructionsRequired = TwilioError(
        code: 21205,
        message: "A 'Url', 'Twiml' or 'ApplicationSid' parameter is required.",
        status: 400
    )

    static func invalidURL(_ url: String) -> TwilioError {
        TwilioError(code: 21205, message: "Url is not a valid URL: \(url)", status: 400)
    }

    static func twimlTooLong(_ length: Int) -> TwilioError {
        TwilioError(
            code: 21205,
            message: "Twiml is \(length) characters long; it may be at most 4000 characters.",
            status: 400
        )
    }

    static func invalidMethod(_ parameter: String, _ value: String) -> TwilioError {
        TwilioError(code: 21209, message: "Invalid \(parameter): \(value) (use GET or POST)", status: 400)
    }

    static func invalidTimeout(_ value: String) -> TwilioError {
        TwilioError(code: 21208, message: "Invalid Timeout: \(value) (use 1 to 600 seconds)", status: 400)
    }

    static func invalidCallTo(_ to: String) -> TwilioError {
        TwilioError(
            code: 21217,
            message: "The phone number you are attempting to call, \(to), is not valid.",
            status: 400
        )
    }

    static func callFromNotVerified(_ from: String) -> TwilioError {
        TwilioError(
            code: 21210,
            message: "The source phone number provided, \(from), is not yet verified for your account. "
                + "You may only make calls from phone numbers that you've verified or purchased from Twilio.",
            status: 400
        )
    }

    static func callToUnreachable(_ to: String) -> TwilioError {
        TwilioError(code: 21214, message: "'To' phone number cannot be reached: \(to)", status: 400)
    }

    static func callGeoPermission(_ to: String) -> TwilioError {
        TwilioError(
            code: 21215,
            message: "Account not authorized to call \(to). Perhaps you need to enable some international "
                + "permissions.",
            status: 400
        )
    }

    static func callBlocked(_ to: String) -> TwilioError {
        TwilioError(code: 21216, message: "Call blocked by Twilio: \(to)", status: 400)
    }

    static let applicationUnknown = TwilioError(
        code: 21218,
        message: "Invalid ApplicationSid: the sandbox has no TwiML applications; give Url or Twiml",
        status: 400
    )

    static func invalidCallStatus(_ status: String) -> TwilioError {
        TwilioError(code: 20001, message: "Invalid Status: \(status) (use canceled or completed)", status: 400)
    }

    static func invalidCallState(_ status: SandboxCall.Status, change: String) -> TwilioError {
        TwilioError(
            code: 21220,
            message: "Call is not in a valid state to \(change): it is \(status.rawValue)",
            status: 400
        )
    }
}
