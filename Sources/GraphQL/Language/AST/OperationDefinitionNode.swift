/// The three kinds of operation.
public enum OperationType: String, Sendable, Hashable, CaseIterable {
    /// A read-only fetch.
    case query
    /// A write followed by a fetch; root fields run in order.
    case mutation
    /// A long-lived request for a stream of results.
    case subscription
}

/// An operation: `query Name($var: Type) @dir { … }` or the shorthand `{ … }`.
public struct OperationDefinitionNode: Sendable, Hashable {
    /// The kind of operation; `query` for the shorthand.
    public var operation: OperationType
    /// The name, or `nil` for an anonymous operation.
    public var name: NameNode?
    /// The declared variables.
    public var variableDefinitions: [VariableDefinitionNode]
    /// The directives on the operation.
    public var directives: [DirectiveNode]
    /// The root selection set.
    public var selectionSet: SelectionSetNode
    /// Where the operation starts.
    public var location: SourceLocation

    /// Creates an operation.
    public init(
        operation: OperationType,
        name: NameNode?,
        variableDefinitions: [VariableDefinitionNode],
        directives: [DirectiveNode],
        selectionSet: SelectionSetNode,
        location: SourceLocation
    ) {
        self.operation = operation
        self.name = name
        self.variableDefinitions = variableDefinitions
        self.directives = directives
        self.selectionSet = selectionSet
        self.location = location
    }
}

/// A variable declaration: `$name: Type = default @dir`.
public struct VariableDefinitionNode: Sendable, Hashable {
    /// The variable's name, without `$`.
    public var variable: NameNode
    /// The declared type.
    public var type: TypeNode
    /// The constant default value, if any.
    public var defaultValue: ValueNode?
    /// The directives on the definition.
    public var directives: [DirectiveNode]
    /// Where the definition starts (at `$`).
    public var location: SourceLocation

    /// Creates a variable definition.
    public init(
        variable: NameNode,
        type: TypeNode,
        defaultValue: ValueNode?,
        directives: [DirectiveNode],
        location: SourceLocation
    ) {
        self.variable = variable
        self.type = type
        self.defaultValue = defaultValue
        self.directives = directives
        self.location = location
    }
}

/// A fragment definition: `fragment Name on Type @dir { … }`.
public struct FragmentDefinitionNode: Sendable, Hashable {
    /// The fragment's name.
    public var name: NameNode
    /// The type the fragment applies to.
    public var typeCondition: NameNode
    /// The directives on the definition.
    public var directives: [DirectiveNode]
    /// The fragment's selections.
    public var selectionSet: SelectionSetNode
    /// Where the definition starts.
    public var location: SourceLocation

    /// Creates a fragment definition.
    public init(
        name: NameNode,
        typeCondition: NameNode,
        directives: [DirectiveNode],
        selectionSet: SelectionSetNode,
        location: SourceLocation
    ) {
        self.name = name
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.location = location
    }
}
