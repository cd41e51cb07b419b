internal import GraphQL

/// An input the gateway refuses before it calls the service, reported as INVALID_ARGUMENT.
struct GatewayInputError: Error, GraphQLErrorConvertible {
    /// One input field that is wrong.
    struct Violation {
        /// The field's path in the request message, with .proto names (`options.from`), as
        /// `ErrorDetails.field_violations` names fields.
        var field: String
        /// What is wrong with it.
        var description: String
    }

    /// What is wrong, naming the fields as the GraphQL document writes them.
    var message: String
    /// The fields involved.
    var violations: [Violation]

    var graphQLError: GraphQLError {
        let violations: [GraphQLValue] = violations.map { violation in
            ["field": .string(violation.field), "description": .string(violation.description)]
        }
        return GraphQLError(
            message: message,
            extensions: ["code": "INVALID_ARGUMENT", "retryable": false, "fieldViolations": .list(violations)]
        )
    }
}
