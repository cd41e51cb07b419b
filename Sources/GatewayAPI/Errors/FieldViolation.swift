public import ProtoBridge

/// One request field that was wrong (`twilio.gateway.v1.FieldViolation`).
public struct FieldViolation: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.FieldViolation"

    /// The field's name as written in the .proto file, such as `to`.
    public var field: String
    /// What is wrong with it and how to fix it.
    public var description: String

    /// Creates a violation.
    public init(field: String = "", description: String = "") {
        self.field = field
        self.description = description
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        field = try message.string("field") ?? ""
        description = try message.string("description") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["field": .string(field), "description": .string(description)])
    }
}
