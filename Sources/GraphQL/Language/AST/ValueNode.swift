/// A value written in the document, with where it appears.
public struct ValueNode: Sendable, Hashable {
    /// What kind of value it is, with its contents.
    public var kind: Kind
    /// Where the value starts.
    public var location: SourceLocation

    /// Creates a value.
    public init(kind: Kind, location: SourceLocation) {
        self.kind = kind
        self.location = location
    }

    /// The kinds of literal the grammar allows.
    public enum Kind: Sendable, Hashable {
        /// `$name`; the name is stored without `$`.
        case variable(String)
        /// An integer literal, exactly as written.
        case int(String)
        /// A float literal, exactly as written.
        case float(String)
        /// A string or block string, already unescaped.
        case string(String, isBlock: Bool)
        /// `true` or `false`.
        case boolean(Bool)
        /// `null`.
        case null
        /// An enum value (a name other than `true`, `false`, `null`).
        case enumValue(String)
        /// `[ … ]`.
        case list([ValueNode])
        /// `{ name: value … }`.
        case object([ObjectFieldNode])
    }
}

/// One field of an object literal: `name: value`.
public struct ObjectFieldNode: Sendable, Hashable {
    /// The field's name.
    public var name: NameNode
    /// The field's value.
    public var value: ValueNode

    /// Creates an object field.
    public init(name: NameNode, value: ValueNode) {
        self.name = name
        self.value = value
    }
}
