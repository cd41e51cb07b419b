internal import GraphQL

extension GraphQLHTTPHandler {
    /// Tells the observer, if any, how a request ended.
    ///
    /// - Parameters:
    ///   - request: The GraphQL request, or `nil` when the HTTP request was not one.
    ///   - response: The response, when the request was read.
    ///   - outcome: How the request ended.
    ///   - started: When the handler began.
    func report(
        _ request: GraphQLRequest?,
        _ response: GraphQLResponse?,
        _ outcome: GraphQLRequestEvent.Outcome,
        since started: ContinuousClock.Instant
    ) {
        guard let observer else {
            return
        }
        let asked = request.map { operation(of: $0, answered: response) } ?? GraphQLRequestEvent.Operation.unknown
        observer(GraphQLRequestEvent(operation: asked, outcome: outcome, duration: .now - started))
    }

    /// The operation a request asked for: its `operationName`, else the document's only operation.
    ///
    /// Finding the latter parses the document a second time, so it is done only when the client
    /// sent no `operationName` and the document was valid (the operation ran or was refused for
    /// its kind). Clients that send `operationName` avoid it.
    private func operation(of request: GraphQLRequest, answered response: GraphQLResponse?)
        -> GraphQLRequestEvent.Operation
    {
        if let name = request.operationName, !name.isEmpty {
            return .named(name)
        }
        guard let response, response.outcome == .executed || response.outcome == .operationNotAllowed,
            let document = try? parse(source: request.query, limits: endpoint.parseLimits),
            document.operations.count == 1
        else {
            return .unknown
        }
        return document.operations[0].name.map { .named($0.value) } ?? .anonymous
    }

    /// The event outcome of a response.
    static func outcome(of response: GraphQLResponse) -> GraphQLRequestEvent.Outcome {
        switch response.outcome {
        case .executed: response.errors.isEmpty ? .succeeded : .fieldErrors
        case .invalidDocument, .invalidRequest: .invalid
        case .malformedRequest: .malformed
        case .operationNotAllowed: .notAllowed
        }
    }
}
