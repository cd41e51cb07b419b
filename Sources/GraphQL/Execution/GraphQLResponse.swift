/// The result of a GraphQL request: `data`, `errors` and `extensions`, and how far the request got.
public struct GraphQLResponse: Sendable, Hashable {
    /// How far a request got, so an HTTP layer can choose a status code per "GraphQL over HTTP".
    public enum Outcome: Sendable, Hashable {
        /// The HTTP request could not be read as a GraphQL request (bad JSON, no `query`, wrong
        /// member types). Nothing was parsed or run.
        case malformedRequest
        /// The document has syntax errors, breaks a parse limit, or fails validation.
        case invalidDocument
        /// The document is valid, but the operation could not be chosen, the variables could not
        /// be coerced, or the operation cannot run over this request (a subscription without a
        /// stream, or a subscription whose event stream could not start). Nothing was run.
        case invalidRequest
        /// The operation is not allowed over this request, such as a mutation sent with GET.
        case operationNotAllowed
        /// Execution ran; `data` is present (perhaps null) and `errors` lists field errors, if any.
        case executed
    }

    /// How far the request got.
    public var outcome: Outcome
    /// The result, or `nil` when execution did not start (the `data` entry is then left out).
    public var data: GraphQLValue?
    /// Every error, in the order found.
    public var errors: [GraphQLError]
    /// Extra response data, or `nil` for none.
    public var extensions: GraphQLObject?

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - outcome: How far the request got.
    ///   - data: The result, or `nil` when execution did not start.
    ///   - errors: Every error.
    ///   - extensions: Extra response data.
    public init(outcome: Outcome, data: GraphQLValue?, errors: [GraphQLError] = [], extensions: GraphQLObject? = nil) {
        self.outcome = outcome
        self.data = data
        self.errors = errors
        self.extensions = extensions
    }

    /// A response for a request that failed before execution.
    static func failed(_ outcome: Outcome, _ errors: [GraphQLError]) -> GraphQLResponse {
        GraphQLResponse(outcome: outcome, data: nil, errors: errors)
    }

    /// The response as a value: `data` (when present), then `errors` (when any), then `extensions`.
    public var graphQLValue: GraphQLValue {
        var object = GraphQLObject()
        if let data {
            object["data"] = data
        }
        if !errors.isEmpty {
            object["errors"] = .list(errors.map(\.graphQLValue))
        }
        if let extensions, !extensions.isEmpty {
            object["extensions"] = .object(extensions)
        }
        return .object(object)
    }

    /// The response as compact JSON.
    public func jsonString() -> String {
        graphQLValue.jsonString()
    }

    /// The HTTP status "GraphQL over HTTP" suggests for this response.
    ///
    /// With `application/graphql-response+json`: 400 for a malformed request, an invalid document
    /// or an invalid request; 405 for an operation not allowed (such as a mutation over GET); 200
    /// once execution ran. With legacy `application/json`, every response that is a well-formed
    /// GraphQL response gets 200, and only a malformed request gets 400 (405 stays 405).
    ///
    /// - Parameter graphQLResponseMediaType: Whether the response is sent as
    ///   `application/graphql-response+json` (`true`) or `application/json` (`false`).
    /// - Returns: The HTTP status code.
    public func suggestedHTTPStatus(graphQLResponseMediaType: Bool) -> Int {
        switch outcome {
        case .malformedRequest: return 400
        case .operationNotAllowed: return 405
        case .invalidDocument, .invalidRequest: return graphQLResponseMediaType ? 400 : 200
        case .executed: return 200
        }
    }
}
