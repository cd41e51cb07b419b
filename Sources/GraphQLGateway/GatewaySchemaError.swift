/// The Protobuf services cannot be turned into a GraphQL schema.
///
/// It names the methods, messages or GraphQL names involved; the fix is a change to the
/// .proto files (or to the excluded services).
public struct GatewaySchemaError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Each problem as a sentence.
    public var problems: [String]

    /// Creates an error.
    ///
    /// - Parameter problems: Each problem as a sentence.
    public init(problems: [String]) {
        self.problems = problems
    }

    public var description: String {
        "The GraphQL schema cannot be derived from the Protobuf services: " + problems.joined(separator: " ")
    }
}
