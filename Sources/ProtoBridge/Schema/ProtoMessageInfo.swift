/// A message type, as declared in its .proto file.
public struct ProtoMessageInfo: Hashable, Sendable {
    /// The full name, such as `twilio.gateway.v1.SendSmsRequest` or
    /// `twilio.gateway.v1.Event.ParametersEntry`.
    public let fullName: String
    /// The name within its scope, such as `SendSmsRequest` or `ParametersEntry`.
    public let name: String
    /// The message's leading comment in the .proto file, or `nil`.
    public let comment: String?
    /// The fields, in declaration order.
    public let fields: [ProtoFieldInfo]
    /// The oneofs, in declaration order.
    public let oneofs: [ProtoOneofInfo]
    /// Whether this is the entry type that protoc makes for a map field.
    public let isMapEntry: Bool

    /// The field called `name` in the .proto file, or `nil`.
    public func field(named name: String) -> ProtoFieldInfo? {
        fields.first { $0.name == name }
    }

    /// The field numbered `number`, or `nil`.
    public func field(number: Int32) -> ProtoFieldInfo? {
        fields.first { $0.number == number }
    }

    /// The oneof called `name`, or `nil`.
    public func oneof(named name: String) -> ProtoOneofInfo? {
        oneofs.first { $0.name == name }
    }
}
