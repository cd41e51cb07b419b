/// One method of a service, as declared in its .proto file.
public struct ProtoMethodInfo: Hashable, Sendable {
    /// The method's name, such as `SendSms`.
    public let name: String
    /// The full name of the request message, such as `twilio.gateway.v1.SendSmsRequest`.
    public let inputTypeName: String
    /// The full name of the response message, such as `twilio.gateway.v1.Message`.
    public let outputTypeName: String
    /// Whether the client sends a stream of requests.
    public let clientStreaming: Bool
    /// Whether the server answers with a stream of responses.
    public let serverStreaming: Bool
    /// The method's leading comment in the .proto file, or `nil`.
    public let comment: String?
}
