/// A braced list of selections.
public struct SelectionSetNode: Sendable, Hashable {
    /// The selections in source order.
    public var selections: [SelectionNode]
    /// Where the set starts (at `{`).
    public var location: SourceLocation

    /// Creates a selection set.
    public init(selections: [SelectionNode], location: SourceLocation) {
        self.selections = selections
        self.location = location
    }
}

/// One entry of a selection set.
public enum SelectionNode: Sendable, Hashable {
    /// A field.
    case field(FieldNode)
    /// `...Name`.
    case fragmentSpread(FragmentSpreadNode)
    /// `... on Type { … }` or `... { … }`.
    case inlineFragment(InlineFragmentNode)

    /// Where the selection starts.
    public var location: SourceLocation {
        switch self {
        case .field(let node): return node.location
        case .fragmentSpread(let node): return node.location
        case .inlineFragment(let node): return node.location
        }
    }
}

/// A field selection: `alias: name(arg: value) @dir { … }`.
public struct FieldNode: Sendable, Hashable {
    /// The alias, if any.
    public var alias: NameNode?
    /// The field's name.
    public var name: NameNode
    /// The arguments in source order.
    public var arguments: [ArgumentNode]
    /// The directives on the field.
    public var directives: [DirectiveNode]
    /// The sub-selections, if any.
    public var selectionSet: SelectionSetNode?
    /// Where the field starts (at the alias when there is one).
    public var location: SourceLocation

    /// Creates a field.
    public init(
        alias: NameNode?,
        name: NameNode,
        arguments: [ArgumentNode],
        directives: [DirectiveNode],
        selectionSet: SelectionSetNode?,
        location: SourceLocation
    ) {
        self.alias = alias
        self.name = name
        self.arguments = arguments
        self.directives = directives
        self.selectionSet = selectionSet
        self.location = location
    }

    /// The key of this field in the response: the alias, or else the name.
    public var responseKey: String {
        alias?.value ?? name.value
    }
}

/// A named fragment spread: `...Name @dir`.
public struct FragmentSpreadNode: Sendable, Hashable {
    /// The fragment's name.
    public var name: NameNode
    /// The directives on the spread.
    public var directives: [DirectiveNode]
    /// Where the spread starts (at `...`).
    public var location: SourceLocation

    /// Creates a fragment spread.
    public init(name: NameNode, directives: [DirectiveNode], location: SourceLocation) {
        self.name = name
        self.directives = directives
        self.location = location
    }
}

/// An inline fragment: `... on Type @dir { … }`, the type condition optional.
public struct InlineFragmentNode: Sendable, Hashable {
    /// The type condition, if any.
    public var typeCondition: NameNode?
    /// The directives on the fragment.
    public var directives: [DirectiveNode]
    /// The fragment's selections.
    public var selectionSet: SelectionSetNode
    /// Where the fragment starts (at `...`).
    public var location: SourceLocation

    /// Creates an inline fragment.
    public init(
        typeCondition: NameNode?,
        directives: [DirectiveNode],
        selectionSet: SelectionSetNode,
        location: SourceLocation
    ) {
        self.typeCondition = typeCondition
        self.directives = directives
        self.selectionSet = selectionSet
        self.location = location
    }
}
