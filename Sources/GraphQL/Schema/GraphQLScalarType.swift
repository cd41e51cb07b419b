/// A leaf type: the five built-ins, or a custom scalar with its own coercion functions.
///
/// A custom scalar decides how a resolver's value becomes a result (``serialize``), how a
/// variable value becomes an argument (``parseValue``) and, optionally, how a literal in the
/// document does (``parseLiteral``; by default the literal is turned into a ``GraphQLValue``
/// and given to ``parseValue``). Each function throws to reject a value; the error's message,
/// or a ``GraphQLError``'s message, is what clients see.
public final class GraphQLScalarType: Sendable {
    /// Turns a resolver's value into a result value.
    public typealias Serialize = @Sendable (_ value: any Sendable) throws -> GraphQLValue
    /// Turns a variable's (JSON) value into the value resolvers receive.
    public typealias ParseValue = @Sendable (_ value: GraphQLValue) throws -> GraphQLValue
    /// Turns a literal from the document into the value resolvers receive.
    public typealias ParseLiteral = @Sendable (_ literal: ValueNode) throws -> GraphQLValue

    /// The type's name.
    public let name: String
    /// The type's description, if any.
    public let description: String?
    /// A URL to the scalar's specification, reported by introspection as `specifiedByURL`.
    public let specifiedByURL: String?
    /// Turns a resolver's value into a result value.
    public let serialize: Serialize
    /// Turns a variable's value into an argument value.
    public let parseValue: ParseValue
    /// Turns a literal into an argument value; `nil` to convert the literal and use ``parseValue``.
    public let parseLiteral: ParseLiteral?

    /// Creates a scalar type.
    ///
    /// - Parameters:
    ///   - name: The type's name.
    ///   - description: The type's description.
    ///   - specifiedByURL: A URL to the scalar's specification.
    ///   - serialize: Turns a resolver's value into a result value.
    ///   - parseValue: Turns a variable's value into an argument value.
    ///   - parseLiteral: Turns a literal into an argument value; `nil` to use `parseValue`.
    public init(
        name: String,
        description: String? = nil,
        specifiedByURL: String? = nil,
        serialize: @escaping Serialize,
        parseValue: @escaping ParseValue,
        parseLiteral: ParseLiteral? = nil
    ) {
        self.name = name
        self.description = description
        self.specifiedByURL = specifiedByURL
        self.serialize = serialize
        self.parseValue = parseValue
        self.parseLiteral = parseLiteral
    }

    /// Coerces a literal that contains no variables.
    func coerceLiteral(_ literal: ValueNode) throws -> GraphQLValue {
        if let parseLiteral {
            return try parseLiteral(literal)
        }
        return try parseValue(literal.untypedValue(variables: [:]))
    }
}
