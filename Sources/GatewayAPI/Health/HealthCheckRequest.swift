public import ProtoBridge

/// Which service to check (`twilio.gateway.v1.HealthCheckRequest`).
public struct HealthCheckRequest: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.HealthCheckRequest"

    /// A fully qualified service name such as `twilio.gateway.v1.Messaging`, or "" for the
    /// gateway as a whole.
    public var service: String

    /// Creates a request.
    public init(service: String = "") {
        self.service = service
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        service = try message.string("service") ?? ""
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["service": .string(service)])
    }
}
