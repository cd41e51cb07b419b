/// A directive use: `@name(arg: value)`.
public struct DirectiveNode: Sendable, Hashable {
    /// The directive's name, without `@`.
    public var name: NameNode
    /// The arguments in source order.
    public var arguments: [ArgumentNode]
    /// Where the directive starts (at `@`).
    public var location: SourceLocation

    /// Creates a directive use.
    public init(name: NameNode, arguments: [ArgumentNode], location: SourceLocation) {
        self.name = name
        self.arguments = arguments
        self.location = location
    }
}

/// An argument: `name: value`.
public struct ArgumentNode: Sendable, Hashable {
    /// The argument's name.
    public var name: NameNode
    /// The argument's value.
    public var value: ValueNode
    /// Where the argument starts.
    public var location: SourceLocation

    /// Creates an argument.
    public init(name: NameNode, value: ValueNode, location: SourceLocation) {
        self.name = name
        self.value = value
        self.location = location
    }
}
