/// One `name=value` pair of an `application/x-www-form-urlencoded` body, decoded.
public struct FormField: Hashable, Sendable, CustomStringConvertible {
    /// The parameter name, such as `To` or `MediaUrl`.
    public var name: String
    /// The parameter value; empty when the body had `name=` or a bare `name`.
    public var value: String

    /// Creates a field.
    ///
    /// - Parameters:
    ///   - name: The parameter name.
    ///   - value: The parameter value.
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }

    public var description: String {
        "\(name)=\(value)"
    }
}
