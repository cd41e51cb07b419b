/// The answer to a request over a transport that carries a stream of results, such as GraphQL
/// over Server-Sent Events.
public enum GraphQLStreamingResponse: Sendable {
    /// The request failed before any result: send this response as an ordinary one. Its
    /// outcome is never ``GraphQLResponse/Outcome/executed``.
    case failed(GraphQLResponse)
    /// The results in order: one for a query or a mutation, one per event for a subscription.
    case stream(GraphQLResponseStream)
}
