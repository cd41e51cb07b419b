/// An input object type: a structured argument value.
///
/// With ``isOneOf`` set (the `@oneOf` proposal), exactly one field must be given, and not as null;
/// literals and variables are both checked, and introspection reports `isOneOf: true`.
public final class GraphQLInputObjectType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's description, if any.
    public let description: String?
    /// The fields in order.
    public let fields: [GraphQLInputField]
    /// Whether exactly one field must be set.
    public let isOneOf: Bool
    private let fieldIndex: [String: Int]

    /// Creates an input object type.
    ///
    /// - Parameters:
    ///   - name: The type's name.
    ///   - description: The type's description.
    ///   - fields: The fields in order.
    ///   - isOneOf: Whether exactly one field must be set; its fields must then be nullable without defaults.
    public init(name: String, description: String? = nil, fields: [GraphQLInputField], isOneOf: Bool = false) {
        self.name = name
        self.description = description
        self.fields = fields
        self.isOneOf = isOneOf
        self.fieldIndex = makeIndex(fields.map(\.name))
    }

    /// The field named `name`, if there is one.
    public func field(named name: String) -> GraphQLInputField? {
        fieldIndex[name].map { fields[$0] }
    }
}
