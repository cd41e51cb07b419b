import GraphQL

/// What a check mutation answered, reduced to what the flow tests compare.
enum GraphQLResponseSummary: Equatable {
    case data(valid: Bool, status: String)
    case error(code: String, twilioCode: Int)
    case other(String)

    init(_ response: GraphQLResponse, field: String) {
        if let error = response.errors.first {
            self = .error(
                code: error.extensions?["code"]?.stringValue ?? "",
                twilioCode: error.extensions?["twilioCode"]?.intValue ?? 0
            )
        } else if let result = response.data?[field], let valid = result["valid"]?.boolValue,
            let status = result["status"]?.stringValue
        {
            self = .data(valid: valid, status: status)
        } else {
            self = .other(response.jsonString())
        }
    }
}
