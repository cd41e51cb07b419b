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

    /// The operation's name as the client gave it (the `operationName` member, else the name
    /// of the document's only operation), or `nil` when it has none or the request could not
    /// be read. Clients choose it: bound it before using it as a label.
    public var operationName: String?
    /// How the request ended.
    public var outcome: Outcome
    /// The time the handler took to answer.
    public var duration: Duration

    /// Creates an event.
    ///
    /// - Parameters:
    ///   - operationName: The operation's name, if known.
    ///   - outcome: How the request ended.
    ///   - duration: The time to answer.
    public init(operationName: String?, outcome: Outcome, duration: Duration) {
        self.operationName = operationName
        self.outcome = outcome
        self.duration = duration
    }
}
