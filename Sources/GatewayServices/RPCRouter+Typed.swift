public import ProtoBridge
public import RPCCore

extension RPCRouter {
    /// Registers a unary method whose handler works on typed messages.
    ///
    /// A request that does not decode ends the call with INVALID_ARGUMENT; errors from the
    /// Twilio client are mapped by ``TwilioErrorMapping``.
    ///
    /// - Parameters:
    ///   - method: The method to serve.
    ///   - requestType: The request message type.
    ///   - handler: Turns a request into a response.
    public mutating func registerUnary<Request: ProtoMessageConvertible, Response: ProtoMessageConvertible>(
        _ method: RPCMethod,
        _ requestType: Request.Type,
        _ handler: @escaping @Sendable (Request, RPCServerContext) async throws -> Response
    ) {
        register(
            method,
            .unary { bytes, context in
                let request = try TypedMessages.decode(Request.self, bytes)
                let response = try await TwilioErrorMapping.mapping { try await handler(request, context) }
                return try TypedMessages.encode(response)
            }
        )
    }

    /// Registers a server-streaming method whose handler works on typed messages.
    ///
    /// - Parameters:
    ///   - method: The method to serve.
    ///   - requestType: The request message type.
    ///   - handler: Writes responses through the given closure until it returns.
    public mutating func registerServerStreaming<Request: ProtoMessageConvertible, Response: ProtoMessageConvertible>(
        _ method: RPCMethod,
        _ requestType: Request.Type,
        _ handler: @escaping @Sendable (Request, RPCServerContext, TypedResponseWriter<Response>) async throws -> Void
    ) {
        register(
            method,
            .serverStreaming { bytes, context, writer in
                let request = try TypedMessages.decode(Request.self, bytes)
                try await TwilioErrorMapping.mapping {
                    try await handler(request, context, TypedResponseWriter(writer))
                }
            }
        )
    }
}

/// Sends typed responses of a server-streaming call.
public struct TypedResponseWriter<Response: ProtoMessageConvertible>: Sendable {
    private let writer: RPCResponseWriter

    init(_ writer: RPCResponseWriter) {
        self.writer = writer
    }

    /// Sends one response; suspends while the client is slow to read.
    public func write(_ response: Response) async throws {
        try await writer.write(TypedMessages.encode(response))
    }
}

/// Encoding and decoding of typed messages at the edge of a handler.
enum TypedMessages {
    static func decode<Message: ProtoMessageConvertible>(_ type: Message.Type, _ bytes: [UInt8]) throws -> Message {
        do {
            return try Message(serializedBytes: bytes)
        } catch let error as ProtoError {
            throw RPCError(code: .invalidArgument, message: problem(of: "the request", Message.self, error))
        }
    }

    /// What is wrong with `subject`, a message that did not decode as `type`, named once:
    /// ProtoBridge's message names the type when the bytes do not parse (`the 5 bytes are not a
    /// valid …`), and is then given as it is; otherwise it follows the type's name.
    static func problem<Message: ProtoMessageConvertible>(
        of subject: String,
        _ type: Message.Type,
        _ error: ProtoError
    ) -> String {
        guard error.message.contains(Message.protoTypeName) else {
            return "\(subject) is not a valid \(Message.protoTypeName): \(error.message)"
        }
        return "\(subject) cannot be decoded: \(error.message)"
    }

    static func encode<Message: ProtoMessageConvertible>(_ message: Message) throws -> [UInt8] {
        do {
            return try message.serializedBytes()
        } catch let error as ProtoError {
            throw RPCError(code: .internalError, message: "the response could not be encoded: \(error.message)")
        }
    }
}
