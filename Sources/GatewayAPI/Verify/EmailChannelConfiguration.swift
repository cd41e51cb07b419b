public import ProtoBridge

/// How Twilio sends a verification email (`twilio.gateway.v1.EmailChannelConfiguration`).
///
/// Every field is optional; empty strings and an empty map are left out of what Twilio gets.
public struct EmailChannelConfiguration: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.EmailChannelConfiguration"
    private static let substitutionsEntryTypeName = "twilio.gateway.v1.EmailChannelConfiguration.SubstitutionsEntry"

    /// The sender's email address, or "".
    public var from: String
    /// The sender's display name, or "".
    public var fromName: String
    /// The email template, such as a SendGrid dynamic template ID, or "".
    public var templateID: String
    /// Values for the template's variables, by variable name.
    ///
    /// Encoded in the byte order of the keys' UTF-8; when decoding, a key sent twice keeps
    /// its last value.
    public var substitutions: [String: String]

    /// Creates a configuration.
    public init(
        from: String = "",
        fromName: String = "",
        templateID: String = "",
        substitutions: [String: String] = [:]
    ) {
        self.from = from
        self.fromName = fromName
        self.templateID = templateID
        self.substitutions = substitutions
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        from = try message.string("from") ?? ""
        fromName = try message.string("from_name") ?? ""
        templateID = try message.string("template_id") ?? ""
        substitutions = [:]
        for entry in try message.messages("substitutions") {
            try entry.expectType(Self.substitutionsEntryTypeName)
            substitutions[try entry.string("key") ?? ""] = try entry.string("value") ?? ""
        }
    }

    public var protoMessage: ProtoMessage {
        let entries = substitutions.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }.map { key, value in
            ProtoValue.message(
                ProtoMessage(typeName: Self.substitutionsEntryTypeName, ["key": .string(key), "value": .string(value)])
            )
        }
        return ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "from": .string(from), "from_name": .string(fromName), "template_id": .string(templateID),
                "substitutions": .list(entries),
            ]
        )
    }
}
