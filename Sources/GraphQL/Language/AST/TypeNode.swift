/// A type written in the document: `Name`, `[Type]` or `Type!`.
public indirect enum TypeNode: Sendable, Hashable, CustomStringConvertible {
    /// A named type.
    case named(NameNode)
    /// A list type; the location is the `[`.
    case list(TypeNode, location: SourceLocation)
    /// A non-null type; the location is where the wrapped type starts.
    case nonNull(TypeNode)

    /// Where the type starts.
    public var location: SourceLocation {
        switch self {
        case .named(let name): return name.location
        case .list(_, let location): return location
        case .nonNull(let inner): return inner.location
        }
    }

    /// The name of the innermost named type.
    public var namedType: NameNode {
        switch self {
        case .named(let name): return name
        case .list(let inner, _): return inner.namedType
        case .nonNull(let inner): return inner.namedType
        }
    }

    /// The equivalent schema type reference.
    public var reference: GraphQLTypeReference {
        switch self {
        case .named(let name): return .named(name.value)
        case .list(let inner, _): return .list(inner.reference)
        case .nonNull(let inner): return .nonNull(inner.reference)
        }
    }

    /// The type in GraphQL notation, such as `[String!]!`.
    public var description: String {
        reference.description
    }
}
