/// What a ``GraphQLHTTPHandler`` reports to its observer after each request, for metrics.
public struct GraphQLRequestEvent: Hashable, Sendable {
    /// How a request ended.
    public enum Outcome: Hashable, Sendable {
        /// The operation ran and every field resolved.
        case succeeded
        /// The operation ran and at least one field failed (an RPC error, say).
        case fieldErrors
        /// The document did not parse or validate, or its operation or variables did not fit.
        case invalid
        /// The HTTP request was no GraphQL request: unreadable JSON, no query, a wrong content type.
        case malformed
        /// The operation may not run over this request: a mutation sent with GET, or a method
        /// other than GET and POST.
        case notAllowed
    }

    /// Which operation a request asked for.
    public enum Operation: Hashable, Sendable {
        /// The operation of this name: the request's `operationName`, or the name of the
        /// document's only operation. Clients choose it: bound it before using it as a label.
        case named(String)
        /// The document's only operation, which has no name.
        case anonymous
        /// The request could not be read, or its document not parsed, before a name was known.
        case unknown
    }

    /// The operation the request asked for.
    public var operation: Operation
    /// How the request ended.
    public var outcome: Outcome
    /// The time the handler took to answer.
    public var duration: Duration

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - operation: The operation asked for.
    ///   - outcome: How the request ended.
    ///   - duration: The time to answer.
    public init(operation: Operation, outcome: Outcome, duration: Duration) {
        self.operation = operation
        self.outcome = outcome
        self.duration = duration
    }
}
