/// A reference to a schema type by name, with list and non-null wrappers: `[User!]!`.
///
/// Fields, arguments and input fields name their types this way, so types may refer to each
/// other (and to themselves) freely; ``GraphQLSchema`` checks that every name resolves.
public indirect enum GraphQLTypeReference: Sendable, Hashable, CustomStringConvertible {
    /// A named type, such as `String` or `User`.
    case named(String)
    /// A list of the wrapped type.
    case list(GraphQLTypeReference)
    /// The wrapped type, never null.
    case nonNull(GraphQLTypeReference)

    /// The built-in `String`.
    public static let string = GraphQLTypeReference.named("String")
    /// The built-in `Int` (32-bit).
    public static let int = GraphQLTypeReference.named("Int")
    /// The built-in `Float`.
    public static let float = GraphQLTypeReference.named("Float")
    /// The built-in `Boolean`.
    public static let boolean = GraphQLTypeReference.named("Boolean")
    /// The built-in `ID`.
    public static let id = GraphQLTypeReference.named("ID")

    /// The innermost type's name: `User` for `[User!]!`.
    public var namedType: String {
        switch self {
        case .named(let name): return name
        case .list(let inner), .nonNull(let inner): return inner.namedType
        }
    }

    /// Whether the outermost wrapper is non-null.
    public var isNonNull: Bool {
        if case .nonNull = self { return true }
        return false
    }

    /// The type without its outermost non-null wrapper.
    public var nullable: GraphQLTypeReference {
        if case .nonNull(let inner) = self { return inner }
        return self
    }

    /// The type in GraphQL notation, such as `[User!]!`.
    public var description: String {
        switch self {
        case .named(let name): return name
        case .list(let inner): return "[\(inner)]"
        case .nonNull(let inner): return "\(inner)!"
        }
    }
}
