/// A method of an RPC service, named as in its .proto file.
public struct RPCMethod: Hashable, Sendable, CustomStringConvertible {
    /// The fully qualified service name, such as `twilio.gateway.v1.Messaging`.
    public var service: String
    /// The method name, such as `SendSms`.
    public var name: String

    /// Creates a method name.
    public init(service: String, name: String) {
        self.service = service
        self.name = name
    }

    /// Parses a path of the form `/service/method`.
    ///
    /// - Returns: The method, or `nil` when `path` does not have that shape.
    public init?(path: String) {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].isEmpty, !parts[1].isEmpty, !parts[2].isEmpty else {
            return nil
        }
        self.init(service: String(parts[1]), name: String(parts[2]))
    }

    /// The method's path on the wire, such as `/twilio.gateway.v1.Messaging/SendSms`.
    public var path: String {
        "/\(service)/\(name)"
    }

    public var description: String {
        path
    }
}
