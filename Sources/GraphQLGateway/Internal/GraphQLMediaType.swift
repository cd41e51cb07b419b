/// The two media types a GraphQL response is sent as, chosen from the request's `Accept`
/// header as "GraphQL over HTTP" describes.
enum GraphQLMediaType {
    /// `application/graphql-response+json`: the HTTP status tells how far the request got.
    case graphQLResponse
    /// `application/json`: the legacy type, 200 for every well-formed GraphQL response.
    case json

    /// The `Content-Type` of a response of this type.
    var contentType: String {
        switch self {
        case .graphQLResponse: "application/graphql-response+json; charset=utf-8"
        case .json: "application/json; charset=utf-8"
        }
    }

    /// The type to answer with: `application/graphql-response+json` when `Accept` names it and
    /// likes it at least as well as `application/json`; `application/json` otherwise, including
    /// when there is no `Accept` header or it allows only other types.
    static func negotiate(accept: String?) -> GraphQLMediaType {
        guard let accept else {
            return .json
        }
        var graphQLQuality: Double?
        var jsonQuality: Double = 0
        for range in accept.split(separator: ",") {
            let (type, quality) = parse(range)
            switch type {
            case "application/graphql-response+json": graphQLQuality = max(graphQLQuality ?? 0, quality)
            case "application/json", "application/*", "*/*": jsonQuality = max(jsonQuality, quality)
            default: break
            }
        }
        guard let graphQLQuality, graphQLQuality > 0, graphQLQuality >= jsonQuality else {
            return .json
        }
        return .graphQLResponse
    }

    /// The media range of one `Accept` element, lowercased, and its `q` (1 unless given).
    static func parse(_ range: Substring) -> (type: String, quality: Double) {
        let parts = range.split(separator: ";").map { $0.trimmingWhitespace().lowercased() }
        var quality = 1.0
        for parameter in parts.dropFirst() where parameter.hasPrefix("q=") {
            quality = Double(parameter.dropFirst(2)) ?? 0
        }
        return (parts.first ?? "", quality)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
