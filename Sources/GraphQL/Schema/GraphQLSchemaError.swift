/// A schema that could not be built, with every problem found.
public struct GraphQLSchemaError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Each problem as a sentence, such as `Unknown type "Usr" referenced by field "Query.me".`.
    public var problems: [String]

    /// Creates an error.
    ///
    /// - Parameter problems: Each problem as a sentence.
    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        "Invalid GraphQL schema: " + problems.joined(separator: " ")
    }
}
