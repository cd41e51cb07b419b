internal import GraphQL
internal import ProtoBridge
internal import RPCCore
internal import ServiceSupport

/// Resolves one root field by calling its unary RPC, or (``subscribe(_:context:)``) makes a
/// Subscription field's events from its server-streaming RPC.
///
/// The field's arguments become the request message, which goes to ``transport`` encoded;
/// the response comes back decoded as a GraphQL value. Every failure is a ``GraphQLError``
/// whose message says nothing about the gateway's code.
struct RPCFieldResolver: Sendable {
    /// Where a root field's arguments hold the request's fields.
    enum ArgumentStyle: Sendable {
        /// In one `input` argument (mutations).
        case input
        /// As arguments of their own (queries).
        case fields
    }

    let method: RPCMethod
    let request: ProtoMessageInfo
    let response: ProtoMessageInfo
    let argumentStyle: ArgumentStyle
    let schema: ProtoSchema
    let transport: any RPCClientTransport
    let defaultTimeout: Duration

    /// Calls the RPC with the field's arguments.
    ///
    /// - Parameters:
    ///   - arguments: The coerced arguments.
    ///   - context: The request's context; a ``GatewayRequestContext`` sets timeout and metadata.
    /// - Returns: The response as an object keyed by JSON names.
    /// - Throws: ``GraphQLError`` with the status in `extensions.code`.
    func resolve(_ arguments: GraphQLObject, context: any Sendable) async throws -> GraphQLValue {
        let requestContext = context as? GatewayRequestContext ?? GatewayRequestContext()
        let logger = requestContext.logger.with("rpc.method", method.path)
        let bytes = try encodedRequest(from: arguments, logger: logger)

        let options = RPCCallOptions(
            timeout: requestContext.timeout ?? defaultTimeout,
            metadata: requestContext.metadata,
            httpPeer: requestContext.httpPeer
        )
        let answer: [UInt8]
        do {
            answer = try await transport.unary(method, request: bytes, options: options)
        } catch let error as RPCError {
            logger.debug("graphql.rpc.failed", ["rpc.code": error.code.description])
            throw error.graphQLError
        } catch {
            logger.debug("graphql.rpc.failed", ["error.type": String(describing: type(of: error))])
            throw GraphQLError(
                message: "The call to \(method.name) failed.",
                extensions: ["code": "INTERNAL", "retryable": false]
            )
        }

        return try responseValue(from: answer, logger: logger)
    }

    /// The request message built from the field's arguments, encoded.
    ///
    /// - Throws: ``GatewayInputError`` for arguments the request cannot hold, ``GraphQLError``
    ///   when the message cannot be encoded.
    func encodedRequest(from arguments: GraphQLObject, logger: Logger) throws -> [UInt8] {
        let message = try requestMessage(from: arguments)
        do {
            return try message.serializedBytes()
        } catch {
            logger.debug("graphql.request.unencodable", ["error.type": String(describing: type(of: error))])
            throw GraphQLError(
                message: "The request to \(method.name) could not be encoded.",
                extensions: ["code": "INTERNAL", "retryable": false]
            )
        }
    }

    private func requestMessage(from arguments: GraphQLObject) throws -> ProtoMessage {
        let converter = InputConverter(schema: schema)
        switch argumentStyle {
        case .input:
            let input = arguments["input"]?.objectValue ?? GraphQLObject()
            return try converter.message(
                from: input,
                as: request,
                at: InputConverter.Place(graphQL: "input", proto: "")
            )
        case .fields:
            return try converter.message(from: arguments, as: request, at: InputConverter.Place(graphQL: "", proto: ""))
        }
    }

    /// A response message decoded as a GraphQL value keyed by JSON names.
    func responseValue(from bytes: [UInt8], logger: Logger) throws -> GraphQLValue {
        do {
            let message = try ProtoMessage(serializedBytes: bytes, typeName: response.fullName)
            return OutputConverter(schema: schema).value(of: message, as: response)
        } catch {
            logger.debug("graphql.response.undecodable", ["response.bytes": String(bytes.count)])
            throw GraphQLError(
                message: "The response of \(method.name) could not be read.",
                extensions: ["code": "INTERNAL", "retryable": false]
            )
        }
    }
}
