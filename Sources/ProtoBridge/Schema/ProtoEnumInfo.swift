/// An enum type, as declared in its .proto file.
public struct ProtoEnumInfo: Hashable, Sendable {
    /// The full name, such as `twilio.gateway.v1.HealthCheckResponse.ServingStatus`.
    public let fullName: String
    /// The name within its scope, such as `ServingStatus`.
    public let name: String
    /// The enum's leading comment in the .proto file, or `nil`.
    public let comment: String?
    /// The values, in declaration order.
    public let values: [ProtoEnumValueInfo]

    /// The value called `name`, or `nil`.
    public func value(named name: String) -> ProtoEnumValueInfo? {
        values.first { $0.name == name }
    }

    /// The first value numbered `number`, or `nil`.
    public func value(number: Int32) -> ProtoEnumValueInfo? {
        values.first { $0.number == number }
    }
}
