public import ProtoBridge

/// A challenge of a TOTP factor as Twilio reports it (`twilio.gateway.v1.TotpChallenge`).
public struct TotpChallenge: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.TotpChallenge"

    /// The challenge SID (YC followed by 32 hex digits).
    public var sid: String
    /// `pending`, `approved`, `denied` or `expired`.
    public var status: String
    /// Why the challenge ended as it did: `none`, `not_needed` or `not_requested`.
    public var respondedReason: String
    /// The factor challenged.
    public var factorSID: String
    /// The identity the factor belongs to.
    public var identity: String
    /// The entity SID of the identity.
    public var entitySID: String
    /// The Verify Service SID.
    public var serviceSID: String
    /// The account that owns the challenge.
    public var accountSID: String
    /// When Twilio created the challenge, as RFC 3339 UTC.
    public var dateCreated: String
    /// When Twilio last updated the challenge, as RFC 3339 UTC.
    public var dateUpdated: String
    /// When the challenge was answered, as RFC 3339 UTC, or "" while pending.
    public var dateResponded: String
    /// When the challenge expires, as RFC 3339 UTC.
    public var expirationDate: String

    /// Creates a challenge.
    public init(
        sid: String = "",
        status: String = "",
        respondedReason: String = "",
        factorSID: String = "",
        identity: String = "",
        entitySID: String = "",
        serviceSID: String = "",
        accountSID: String = "",
        dateCreated: String = "",
        dateUpdated: String = "",
        dateResponded: String = "",
        expirationDate: String = ""
    ) {
        self.sid = sid
        self.status = status
        self.respondedReason = respondedReason
        self.factorSID = factorSID
        self.identity = identity
        self.entitySID = entitySID
        self.serviceSID = serviceSID
        self.accountSID = accountSID
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
        self.dateResponded = dateResponded
        self.expirationDate = expirationDate
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        sid = try message.string("sid") ?? ""
        status = try message.string("status") ?? ""
        respondedReason = try message.string("responded_reason") ?? ""
        factorSID = try message.string("factor_sid") ?? ""
        identity = try message.string("identity") ?? ""
        entitySID = try message.string("entity_sid") ?? ""
        serviceSID = try message.string("service_sid") ?? ""
        accountSID = try message.string("account_sid") ?? ""
        dateCreated = try message.string("date_created") ?? ""
        dateUpdated = try message.string("date_updated") ?? ""
        dateResponded = try message.string("date_responded") ?? ""
        expirationDate = try message.string("expiration_date") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "sid": .string(sid), "status": .string(status), "responded_reason": .string(respondedReason),
                "factor_sid": .string(factorSID), "identity": .string(identity), "entity_sid": .string(entitySID),
                "service_sid": .string(serviceSID), "account_sid": .string(accountSID),
                "date_created": .string(dateCreated), "date_updated": .string(dateUpdated),
                "date_responded": .string(dateResponded), "expiration_date": .string(expirationDate),
            ]
        )
    }
}
