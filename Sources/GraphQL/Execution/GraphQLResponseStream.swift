/// The results of an operation as they come: the spec's response stream.
///
/// Iterating pulls one source event at a time and executes the selection set for it, so a
/// slow consumer slows the source down rather than piling results up. Each result of an event
/// has the outcome ``GraphQLResponse/Outcome/executed``. When the source throws, the stream
/// ends with one result that has no `data` and the error (with the root field's path and
/// locations). When the iterating task is cancelled, the stream ends without a further result.
public struct GraphQLResponseStream: AsyncSequence, Sendable {
    private enum Source: Sendable {
        case single(GraphQLResponse)
        case events(AsyncThrowingStream<any Sendable, any Error>, SubscriptionEventExecutor)
    }

    private let source: Source

    /// A stream of exactly one result: a query's or a mutation's, or a request's errors for a
    /// transport that sends even those as results.
    ///
    /// - Parameter response: The one result.
    public init(single response: GraphQLResponse) {
        source = .single(response)
    }

    /// The results of a subscription's events.
    init(events: AsyncThrowingStream<any Sendable, any Error>, executor: SubscriptionEventExecutor) {
        source = .events(events, executor)
    }

    /// Starts iterating.
    public func makeAsyncIterator() -> Iterator {
        switch source {
        case .single(let response): Iterator(state: .single(response))
        case .events(let events, let executor): Iterator(state: .events(events.makeAsyncIterator(), executor))
        }
    }

    /// Produces the results; use it from one task.
    public struct Iterator: AsyncIteratorProtocol {
        fileprivate enum State {
            case single(GraphQLResponse)
            case events(AsyncThrowingStream<any Sendable, any Error>.Iterator, SubscriptionEventExecutor)
            case finished
        }

        fileprivate var state: State

        /// The next result, or `nil` once the stream is over.
        public mutating func next() async -> GraphQLResponse? {
            switch state {
            case .finished:
                return nil
            case .single(let response):
                state = .finished
                return response
            case .events(var events, let executor):
                state = .finished
                do {
                    guard let event = try await events.next(), !Task.isCancelled else {
                        return nil
                    }
                    state = .events(events, executor)
                    return await executor.execute(event)
                } catch {
                    return Task.isCancelled || error is CancellationError ? nil : executor.failure(error)
                }
            }
        }
    }
}

@available(*, unavailable)
extension GraphQLResponseStream.Iterator: Sendable {}
