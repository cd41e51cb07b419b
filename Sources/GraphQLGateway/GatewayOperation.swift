public import GraphQL
public import RPCCore

/// One RPC method of an exposed service and the root field that calls it, if any.
public struct GatewayOperation: Hashable, Sendable {
    /// The method.
    public var method: RPCMethod
    /// The root type of the field: `query` for `Get…`/`List…` methods, `mutation` for other
    /// unary methods, `subscription` for server-streaming methods, `nil` for client-streaming
    /// methods, which the schema does not expose.
    public var operationType: OperationType?
    /// The root field, such as `twilio_sendSms`, or `nil` when the method is not exposed.
    public var fieldName: String?
    /// The method's comment in its .proto file, or `nil`.
    public var description: String?

    /// Creates an operation.
    ///
    /// - Parameters:
    ///   - method: The method.
    ///   - operationType: The root type of its field, or `nil` when it is not exposed.
    ///   - fieldName: The root field, or `nil` when it is not exposed.
    ///   - description: The method's comment.
    public init(method: RPCMethod, operationType: OperationType?, fieldName: String?, description: String?) {
        self.method = method
        self.operationType = operationType
        self.fieldName = fieldName
        self.description = description
    }
}
