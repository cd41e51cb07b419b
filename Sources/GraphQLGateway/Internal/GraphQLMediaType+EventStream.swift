extension GraphQLMediaType {
    /// How a request's `Accept` header asks for GraphQL over Server-Sent Events.
    enum EventStreamPreference: Equatable {
        /// Not at all: `text/event-stream` is not listed, or a JSON type is liked better.
        case none
        /// Only the event stream is acceptable, so even errors found before execution go out as
        /// `next` events, as the GraphQL over SSE protocol asks.
        case only
        /// The event stream, or JSON: errors found before execution get an ordinary response.
        case orJSON
    }

    /// The preference `accept` states: the event stream when it lists `text/event-stream` with a
    /// quality above 0 and no JSON type (`application/json`, `application/graphql-response+json`,
    /// `application/*`, `*/*`) with a higher one.
    static func eventStreamPreference(accept: String?) -> EventStreamPreference {
        guard let accept else {
            return .none
        }
        var streamQuality: Double = 0
        var jsonQuality: Double = 0
        for range in accept.split(separator: ",") {
            let (type, quality) = parse(range)
            switch type {
            case "text/event-stream":
                streamQuality = max(streamQuality, quality)
            case "application/json", "application/graphql-response+json", "application/*", "*/*":
                jsonQuality = max(jsonQuality, quality)
            default:
                break
            }
        }
        guard streamQuality > 0, streamQuality >= jsonQuality else {
            return .none
        }
        return jsonQuality > 0 ? .orJSON : .only
    }
}
