/// A field of an object or interface type.
public struct GraphQLField: Sendable {
    /// The field's name.
    public var name: String
    /// The field's type.
    public var type: GraphQLTypeReference
    /// The field's description, if any.
    public var description: String?
    /// The field's arguments, in order.
    public var arguments: [GraphQLArgument]
    /// Why the field is deprecated, or `nil` when it is not.
    public var deprecationReason: String?
    /// Resolves the field; `nil` uses the default resolver, which reads the member named like the
    /// field from a ``GraphQLValue`` object or a `[String: any Sendable]` parent.
    public var resolve: GraphQLFieldResolver?
    /// Makes the source event stream of a Subscription root field (the spec's
    /// ResolveFieldEventStream); ``resolve`` then maps each event, given as the parent, to the
    /// field's value. `nil` on every other field.
    public var subscribe: GraphQLSubscriptionResolver?

    /// Creates a field.
    ///
    /// - Parameters:
    ///   - name: The field's name.
    ///   - type: The field's type.
    ///   - description: The field's description.
    ///   - arguments: The field's arguments.
    ///   - deprecationReason: Why the field is deprecated.
    ///   - resolve: Resolves the field; `nil` for the default resolver.
    ///   - subscribe: Makes the event stream of a Subscription root field.
    public init(
        name: String,
        type: GraphQLTypeReference,
        description: String? = nil,
        arguments: [GraphQLArgument] = [],
        deprecationReason: String? = nil,
        resolve: GraphQLFieldResolver? = nil,
        subscribe: GraphQLSubscriptionResolver? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.arguments = arguments
        self.deprecationReason = deprecationReason
        self.resolve = resolve
        self.subscribe = subscribe
    }

    /// The argument named `name`, if the field has one.
    public func argument(named name: String) -> GraphQLArgument? {
        arguments.first { $0.name == name }
    }
}

/// An argument of a field or directive, or a field of an input object: the spec's input value.
public struct GraphQLInputValue: Sendable, Hashable {
    /// The name.
    public var name: String
    /// The input type.
    public var type: GraphQLTypeReference
    /// The description, if any.
    public var description: String?
    /// The value used when none is given, written as a variable value would be (enums by name);
    /// `nil` when there is no default (which differs from a default of ``GraphQLValue/null``).
    public var defaultValue: GraphQLValue?
    /// Why the value is deprecated, or `nil` when it is not.
    public var deprecationReason: String?

    /// Creates an input value.
    ///
    /// - Parameters:
    ///   - name: The name.
    ///   - type: The input type.
    ///   - description: The description.
    ///   - defaultValue: The default, written as a variable value would be.
    ///   - deprecationReason: Why the value is deprecated.
    public init(
        name: String,
        type: GraphQLTypeReference,
        description: String? = nil,
        defaultValue: GraphQLValue? = nil,
        deprecationReason: String? = nil
    ) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
        self.deprecationReason = deprecationReason
    }

    /// Whether a value must be given: the type is non-null and there is no default.
    public var isRequired: Bool {
        type.isNonNull && defaultValue == nil
    }
}

/// An argument of a field or directive.
public typealias GraphQLArgument = GraphQLInputValue

/// A field of an input object type.
public typealias GraphQLInputField = GraphQLInputValue
