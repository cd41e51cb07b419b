/// A challenge of a TOTP factor the sandbox holds.
struct ChallengeRecord: Sendable {
    /// `pending` until a right code (`approved`) or its expiration (`expired`).
    enum Status: String, Sendable {
        case pending
        case approved
        case expired
    }

    var sid: String
    var accountSID: String
    var serviceSID: String
    var entitySID: String
    var identity: String
    var factorSID: String
    var status: Status = .pending
    var failedAttempts = 0
    var dateCreated: Double
    var dateUpdated: Double
    var dateResponded: Double?
    var expirationDate: Double

    /// Marks a pending challenge `expired` once `now` is past its expiration date.
    mutating func expireIfDue(now: Double) {
        if status == .pending, now >= expirationDate {
            status = .expired
            dateUpdated = expirationDate
        }
    }

    /// The Challenge resource: snake_case keys, ISO 8601 dates, every field present.
    var json: JSONValue {
        let base = "https://verify.twilio.com/v2/Services/\(serviceSID)/Entities/\(identity)/Challenges/\(sid)"
        return .object([
            "account_sid": .string(accountSID),
            "date_created": .string(ISO8601Date.format(dateCreated)),
            "date_responded": dateResponded.map { .string(ISO8601Date.format($0)) } ?? .null,
            "date_updated": .string(ISO8601Date.format(dateUpdated)),
            "details": .null,
            "entity_sid": .string(entitySID),
            "expiration_date": .string(ISO8601Date.format(expirationDate)),
            "factor_sid": .string(factorSID),
            "factor_type": "totp",
            "hidden_details": .null,
            "identity": .string(identity),
            "links": .object(["notifications": .string(base + "/Notifications")]),
            "metadata": .null,
            "responded_reason": "none",
            "service_sid": .string(serviceSID),
            "sid": .string(sid),
            "status": .string(status.rawValue),
            "url": .string(base),
        ])
    }
}
