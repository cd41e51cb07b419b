/// An object type: named fields, each with a resolver, possibly implementing interfaces.
public final class GraphQLObjectType: Sendable {
    /// Says whether a value belongs to this type, for interfaces and unions without a type resolver.
    public typealias IsTypeOf =
        @Sendable (
            _ value: any Sendable,
            _ context: any Sendable,
            _ info: GraphQLResolveInfo
        ) async throws -> Bool

    /// The type's name.
    public let name: String
    /// The type's description, if any.
    public let description: String?
    /// The names of the interfaces the type implements.
    public let interfaces: [String]
    /// The fields in order.
    public let fields: [GraphQLField]
    /// Says whether a value belongs to this type, or `nil`.
    public let isTypeOf: IsTypeOf?
    private let fieldIndex: [String: Int]

    /// Creates an object type.
    ///
    /// - Parameters:
    ///   - name: The type's name.
    ///   - description: The type's description.
    ///   - interfaces: The names of the interfaces it implements.
    ///   - fields: The fields in order.
    ///   - isTypeOf: Says whether a value belongs to this type.
    public init(
        name: String,
        description: String? = nil,
        interfaces: [String] = [],
        fields: [GraphQLField],
        isTypeOf: IsTypeOf? = nil
    ) {
        self.name = name
        self.description = description
        self.interfaces = interfaces
        self.fields = fields
        self.isTypeOf = isTypeOf
        self.fieldIndex = makeIndex(fields.map(\.name))
    }

    /// The field named `name`, if there is one (meta-fields such as `__typename` excluded).
    public func field(named name: String) -> GraphQLField? {
        fieldIndex[name].map { fields[$0] }
    }
}

/// An interface type: fields that implementing object (and interface) types share.
public final class GraphQLInterfaceType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's description, if any.
    public let description: String?
    /// The names of the interfaces this interface implements.
    public let interfaces: [String]
    /// The fields in order.
    public let fields: [GraphQLField]
    /// Names the object type of a value; `nil` to ask each implementation's ``GraphQLObjectType/isTypeOf``,
    /// then a `__typename` member of a ``GraphQLValue`` object.
    public let resolveType: GraphQLTypeResolver?
    private let fieldIndex: [String: Int]

    /// Creates an interface type.
    ///
    /// - Parameters:
    ///   - name: The type's name.
    ///   - description: The type's description.
    ///   - interfaces: The names of the interfaces it implements.
    ///   - fields: The fields in order.
    ///   - resolveType: Names the object type of a value.
    public init(
        name: String,
        description: String? = nil,
        interfaces: [String] = [],
        fields: [GraphQLField],
        resolveType: GraphQLTypeResolver? = nil
    ) {
        self.name = name
        self.description = description
        self.interfaces = interfaces
        self.fields = fields
        self.resolveType = resolveType
        self.fieldIndex = makeIndex(fields.map(\.name))
    }

    /// The field named `name`, if there is one.
    public func field(named name: String) -> GraphQLField? {
        fieldIndex[name].map { fields[$0] }
    }
}

/// A union type: one of several object types.
public final class GraphQLUnionType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's description, if any.
    public let description: String?
    /// The names of the member object types.
    public let types: [String]
    /// Names the object type of a value; `nil` to ask each member's ``GraphQLObjectType/isTypeOf``,
    /// then a `__typename` member of a ``GraphQLValue`` object.
    public let resolveType: GraphQLTypeResolver?

    /// Creates a union type.
    ///
    /// - Parameters:
    ///   - name: The type's name.
    ///   - description: The type's description.
    ///   - types: The names of the member object types.
    ///   - resolveType: Names the object type of a value.
    public init(name: String, description: String? = nil, types: [String], resolveType: GraphQLTypeResolver? = nil) {
        self.name = name
        self.description = description
        self.types = types
        self.resolveType = resolveType
    }
}

/// Maps each name to its first position.
func makeIndex(_ names: [String]) -> [String: Int] {
    var index: [String: Int] = [:]
    for (position, name) in names.enumerated() where index[name] == nil {
        index[name] = position
    }
    return index
}
