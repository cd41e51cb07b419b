/// JSON input that could not be parsed, with where the problem is.
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong, such as `Expected ':' after an object key.`.
    public var reason: String
    /// The 1-based line of the problem.
    public var line: Int
    /// The 1-based column (in bytes) of the problem.
    public var column: Int

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - reason: What is wrong.
    ///   - line: The 1-based line of the problem.
    ///   - column: The 1-based column of the problem.
    public init(reason: String, line: Int, column: Int) {
        self.reason = reason
        self.line = line
        self.column = column
    }

    /// The full message, such as `Invalid JSON at line 1, column 5: Expected ':' after an object key.`.
    public var message: String {
        "Invalid JSON at line \(line), column \(column): \(reason)"
    }

    public var description: String {
        message
    }
}
