/// A service, as declared in its .proto file.
public struct ProtoServiceInfo: Hashable, Sendable {
    /// The full name, such as `twilio.gateway.v1.Messaging`.
    public let fullName: String
    /// The name within its package, such as `Messaging`.
    public let name: String
    /// The service's leading comment in the .proto file, or `nil`.
    public let comment: String?
    /// The methods, in declaration order.
    public let methods: [ProtoMethodInfo]

    /// The method called `name`, or `nil`.
    public func method(named name: String) -> ProtoMethodInfo? {
        methods.first { $0.name == name }
    }
}
