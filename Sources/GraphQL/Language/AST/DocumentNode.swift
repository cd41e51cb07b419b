/// A parsed GraphQL document: its definitions in source order.
public struct DocumentNode: Sendable, Hashable {
    /// The definitions in source order.
    public var definitions: [DefinitionNode]
    /// Where the document starts.
    public var location: SourceLocation

    /// Creates a document.
    public init(definitions: [DefinitionNode], location: SourceLocation) {
        self.definitions = definitions
        self.location = location
    }

    /// The operations in source order.
    public var operations: [OperationDefinitionNode] {
        definitions.compactMap {
            if case .operation(let operation) = $0 { return operation }
            return nil
        }
    }

    /// The fragment definitions in source order.
    public var fragments: [FragmentDefinitionNode] {
        definitions.compactMap {
            if case .fragment(let fragment) = $0 { return fragment }
            return nil
        }
    }
}

/// One top-level definition of a document.
public enum DefinitionNode: Sendable, Hashable {
    /// An operation (query, mutation or subscription).
    case operation(OperationDefinitionNode)
    /// A fragment definition.
    case fragment(FragmentDefinitionNode)
    /// A type system definition or extension, which executable documents may not contain.
    case typeSystem(TypeSystemDefinitionNode)

    /// Where the definition starts.
    public var location: SourceLocation {
        switch self {
        case .operation(let node): return node.location
        case .fragment(let node): return node.location
        case .typeSystem(let node): return node.location
        }
    }
}

/// A type system definition (`type`, `schema`, `extend …` and the rest), recorded but not modelled.
///
/// The parser skips its body; validation reports it as not executable.
public struct TypeSystemDefinitionNode: Sendable, Hashable {
    /// The keyword that starts it, such as `type` or `extend`.
    public var keyword: String
    /// The defined name, when the definition has one (`schema` does not).
    public var name: String?
    /// Where the definition starts.
    public var location: SourceLocation

    /// Creates a type system definition record.
    public init(keyword: String, name: String?, location: SourceLocation) {
        self.keyword = keyword
        self.name = name
        self.location = location
    }
}
