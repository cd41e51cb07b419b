internal import GraphQL
internal import RPCCore
internal import ServiceSupport

extension RPCFieldResolver {
    /// Starts the server-streaming RPC with the field's arguments: the events of a
    /// Subscription field, whose values ``value(of:)`` gives.
    ///
    /// The call has the request's metadata and no deadline, since a subscription lasts as long
    /// as its client stays. Each response message becomes one event, a GraphQL value keyed by
    /// JSON names, read only when the subscription asks for the next event; a message that
    /// cannot be decoded makes its one result's field null with an error. The events end
    /// when the call ends with OK; a failed call ends them with its ``RPCCore/RPCError`` as a
    /// ``GraphQL/GraphQLError`` whose `extensions` are those of a failed unary field. Cancelling
    /// the task that reads the events, or dropping them, cancels the call.
    ///
    /// - Parameters:
    ///   - arguments: The coerced arguments.
    ///   - context: The request's context; a ``GatewayRequestContext`` sets metadata and logger.
    /// - Returns: The events; read them from one task at a time.
    /// - Throws: ``GatewayInputError`` or ``GraphQL/GraphQLError`` when the arguments make no
    ///   valid request; the call is not made then.
    func subscribe(_ arguments: GraphQLObject, context: any Sendable) throws -> AsyncThrowingStream<
        any Sendable, any Error
    > {
        let requestContext = context as? GatewayRequestContext ?? GatewayRequestContext()
        let logger = requestContext.logger.with("rpc.method", method.path)
        let bytes = try encodedRequest(from: arguments, logger: logger)

        let options = RPCCallOptions(
            timeout: nil,
            metadata: requestContext.metadata,
            httpPeer: requestContext.httpPeer
        )
        let responses = ResponseReader(transport.serverStreaming(method, request: bytes, options: options))
        return AsyncThrowingStream {
            let message: [UInt8]?
            do {
                message = try await responses.next()
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
            guard let message else {
                return nil
            }
            do {
                return try responseValue(from: message, logger: logger)
            } catch {
                return UnreadableMessage(error: error)
            }
        }
    }

    /// The value of a Subscription field for one event: the event, or the error of a message
    /// that could not be read, which makes the field null in that one result.
    static func value(of event: any Sendable) throws -> any Sendable {
        if let unreadable = event as? UnreadableMessage {
            throw unreadable.error
        }
        return event
    }
}

/// A response message the subscription could not decode; the stream goes on past it.
private struct UnreadableMessage: Sendable {
    let error: any Error
}

/// The iterator of a call's responses, read by the one task that reads the events.
///
/// `@unchecked Sendable` because `AsyncThrowingStream(unfolding:)` needs a `@Sendable` closure
/// while the iterator is not `Sendable`; it is safe as long as the events are read from one
/// task at a time, which ``GraphQL/GraphQLResponseStream`` does.
private final class ResponseReader: @unchecked Sendable {
    private var iterator: AsyncThrowingStream<[UInt8], any Error>.Iterator

    init(_ responses: AsyncThrowingStream<[UInt8], any Error>) {
        iterator = responses.makeAsyncIterator()
    }

    func next() async throws -> [UInt8]? {
        try await iterator.next()
    }
}
