public import ProtoBridge

/// The serving status of a service (`twilio.gateway.v1.HealthCheckResponse`).
public struct HealthCheckResponse: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.HealthCheckResponse"

    /// The serving status.
    public var status: ServingStatus

    /// Creates a response.
    public init(status: ServingStatus = .unknown) {
        self.status = status
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        status = ServingStatus(rawValue: try message.enumValue("status") ?? 0)
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(typeName: Self.protoTypeName, ["status": .enumValue(status.rawValue)])
    }
}
