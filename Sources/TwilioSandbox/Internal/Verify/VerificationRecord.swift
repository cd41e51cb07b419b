/// A verification the sandbox holds, with its code and the counts its limits need.
struct VerificationRecord: Sendable {
    /// Where a verification is in its life. Only `pending` ones accept checks; the others are
    /// gone for Twilio's API (20404), except `maxAttemptsReached`, which answers checks with
    /// 60202 and fetches with its status until it expires. Twilio documents that it deletes an
    /// exhausted verification, but not when its answers switch from 60202 to 20404; keeping
    /// 60202 for the verification's lifetime is the sandbox's choice.
    enum Status: String, Sendable {
        case pending
        case approved
        case canceled
        case maxAttemptsReached = "max_attempts_reached"
        case expired
    }

    /// One delivery of the code.
    struct SendAttempt: Sendable {
        var sid: String
        var channel: String
        var time: Double
    }

    var sid: String
    var accountSID: String
    var serviceSID: String
    var to: String
    /// The channel of the latest delivery.
    var channel: String
    var status: Status
    /// The code. Never logged.
    var code: String
    var checks = 0
    var attempts: [SendAttempt]
    var dateCreated: Double
    var dateUpdated: Double

    /// When the code stops working: ``VerifyRules/codeLifetime`` after the first delivery;
    /// re-sending the same code does not extend it.
    var expiresAt: Double {
        dateCreated + VerifyRules.codeLifetime
    }

    /// Marks a pending or exhausted verification `expired` once `now` is past ``expiresAt``.
    mutating func expireIfDue(now: Double) {
        if now >= expiresAt, status == .pending || status == .maxAttemptsReached {
            status = .expired
            dateUpdated = expiresAt
        }
    }

    /// The Verification resource: snake_case keys, ISO 8601 dates, every field present.
    var json: JSONValue {
        .object([
            "account_sid": .string(accountSID),
            "amount": .null,
            "channel": .string(channel),
            "date_created": .string(ISO8601Date.format(dateCreated)),
            "date_updated": .string(ISO8601Date.format(dateUpdated)),
            "lookup": .object([:]),
            "payee": .null,
            "send_code_attempts": .array(
                attempts.map { attempt in
                    .object([
                        "attempt_sid": .string(attempt.sid),
                        "channel": .string(attempt.channel),
                        "time": .string(ISO8601Date.format(attempt.time)),
                    ])
                }
            ),
            "service_sid": .string(serviceSID),
            "sid": .string(sid),
            "sna": .null,
            "status": .string(status.rawValue),
            "to": .string(to),
            "url": .string("https://verify.twilio.com/v2/Services/\(serviceSID)/Verifications/\(sid)"),
            "valid": .bool(status == .approved),
        ])
    }

    /// The VerificationCheck resource for this verification after a check.
    var checkJSON: JSONValue {
        .object([
            "account_sid": .string(accountSID),
            "amount": .null,
            "channel": .string(channel),
            "date_created": .string(ISO8601Date.format(dateCreated)),
            "date_updated": .string(ISO8601Date.format(dateUpdated)),
            "payee": .null,
            "service_sid": .string(serviceSID),
            "sid": .string(sid),
            "sna_attempts_error_codes": .array([]),
            "status": .string(status.rawValue),
            "to": .string(to),
            "valid": .bool(status == .approved),
        ])
    }
}
