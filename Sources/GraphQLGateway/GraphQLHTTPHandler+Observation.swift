internal import GraphQL

extension GraphQLHTTPHandler {
    /// Tells the observer, if any, how a request ended.
    func report(_ operationName: String?, _ outcome: GraphQLRequestEvent.Outcome, since started: ContinuousClock.Instant) {
        observer?(GraphQLRequestEvent(operationName: operationName, outcome: outcome, duration: .now - started))
    }

    /// The name of the operation a request asked for: its `operationName`, else the name of the
    /// document's only operation.
    ///
    /// Finding the latter parses the document a second time, so it is done only when there is
    /// an observer, the client sent no `operationName`, and the document was valid (the
    /// operation ran or was refused for its kind). Clients that send `operationName` avoid it.
    func operationName(of request: GraphQLRequest, answered response: GraphQLResponse) -> String? {
        if let name = request.operationName {
            return name
        }
        guard observer != nil, response.outcome == .executed || response.outcome == .operationNotAllowed,
            let document = try? parse(source: request.query, limits: endpoint.parseLimits),
            document.operations.count == 1
        else {
            return nil
        }
        return document.operations[0].name?.value
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
