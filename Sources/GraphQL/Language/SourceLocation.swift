/// A position in a GraphQL document: 1-based line and column.
///
/// Columns count Unicode scalars, so a line of ASCII gives the same columns as graphql-js.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The 1-based line.
    public var line: Int
    /// The 1-based column.
    public var column: Int

    /// Creates a location.
    ///
    /// - Parameters:
    ///   - line: The 1-based line.
    ///   - column: The 1-based column.
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public var description: String {
        "\(line):\(column)"
    }

    /// The location as the `{"line":…,"column":…}` object of a GraphQL error.
    public var graphQLValue: GraphQLValue {
        ["line": .int(line), "column": .int(column)]
    }
}
