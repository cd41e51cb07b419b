public import ProtoBridge

/// One recipient of a bulk send (`twilio.gateway.v1.BulkRecipient`).
public struct BulkRecipient: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.BulkRecipient"
    private static let variablesEntryTypeName = "twilio.gateway.v1.BulkRecipient.VariablesEntry"

    /// The recipient, in E.164 format.
    public var to: String
    /// Values for the body template's placeholders, by name.
    public var variables: [String: String]

    /// Creates a recipient.
    public init(to: String = "", variables: [String: String] = [:]) {
        self.to = to
        self.variables = variables
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        to = try message.string("to") ?? ""
        variables = [:]
        for entry in try message.messages("variables") {
            try entry.expectType(Self.variablesEntryTypeName)
            variables[try entry.string("key") ?? ""] = try entry.string("value") ?? ""
        }
    }

    public var protoMessage: ProtoMessage {
        let entries = MapEntries.sorted(variables).map { key, value in
            ProtoValue.message(
                ProtoMessage(typeName: Self.variablesEntryTypeName, ["key": .string(key), "value": .string(value)])
            )
        }
        return ProtoMessage(typeName: Self.protoTypeName, ["to": .string(to), "variables": .list(entries)])
    }
}
