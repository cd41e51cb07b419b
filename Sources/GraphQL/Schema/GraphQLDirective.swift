/// Where a directive may appear.
public enum DirectiveLocation: String, Sendable, Hashable, CaseIterable {
    /// On a query operation.
    case query = "QUERY"
    /// On a mutation operation.
    case mutation = "MUTATION"
    /// On a subscription operation.
    case subscription = "SUBSCRIPTION"
    /// On a field selection.
    case field = "FIELD"
    /// On a fragment definition.
    case fragmentDefinition = "FRAGMENT_DEFINITION"
    /// On a fragment spread.
    case fragmentSpread = "FRAGMENT_SPREAD"
    /// On an inline fragment.
    case inlineFragment = "INLINE_FRAGMENT"
    /// On a variable definition.
    case variableDefinition = "VARIABLE_DEFINITION"
    /// On the schema definition.
    case schema = "SCHEMA"
    /// On a scalar definition.
    case scalar = "SCALAR"
    /// On an object type definition.
    case object = "OBJECT"
    /// On a field definition.
    case fieldDefinition = "FIELD_DEFINITION"
    /// On an argument definition.
    case argumentDefinition = "ARGUMENT_DEFINITION"
    /// On an interface definition.
    case interface = "INTERFACE"
    /// On a union definition.
    case union = "UNION"
    /// On an enum definition.
    case `enum` = "ENUM"
    /// On an enum value definition.
    case enumValue = "ENUM_VALUE"
    /// On an input object definition.
    case inputObject = "INPUT_OBJECT"
    /// On an input field definition.
    case inputFieldDefinition = "INPUT_FIELD_DEFINITION"
}

/// A directive the schema accepts.
///
/// The executor acts on `@skip` and `@include`; other directives are accepted where their
/// locations allow and are otherwise ignored during execution.
public struct GraphQLDirective: Sendable, Hashable {
    /// The name, without `@`.
    public var name: String
    /// The description, if any.
    public var description: String?
    /// Where the directive may appear.
    public var locations: [DirectiveLocation]
    /// The directive's arguments.
    public var arguments: [GraphQLArgument]
    /// Whether the directive may appear more than once at one location.
    public var isRepeatable: Bool

    /// Creates a directive.
    ///
    /// - Parameters:
    ///   - name: The name, without `@`.
    ///   - description: The description.
    ///   - locations: Where the directive may appear.
    ///   - arguments: The directive's arguments.
    ///   - isRepeatable: Whether it may appear more than once at one location.
    public init(
        name: String,
        description: String? = nil,
        locations: [DirectiveLocation],
        arguments: [GraphQLArgument] = [],
        isRepeatable: Bool = false
    ) {
        self.name = name
        self.description = description
        self.locations = locations
        self.arguments = arguments
        self.isRepeatable = isRepeatable
    }

    /// `@include(if:)`.
    public static let include = GraphQLDirective(
        name: "include",
        description: "Keeps the field or fragment only when `if` is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [GraphQLArgument(name: "if", type: .nonNull(.boolean), description: "Included when true.")]
    )

    /// `@skip(if:)`.
    public static let skip = GraphQLDirective(
        name: "skip",
        description: "Leaves the field or fragment out when `if` is true.",
        locations: [.field, .fragmentSpread, .inlineFragment],
        arguments: [GraphQLArgument(name: "if", type: .nonNull(.boolean), description: "Skipped when true.")]
    )

    /// `@deprecated(reason:)`.
    public static let deprecated = GraphQLDirective(
        name: "deprecated",
        description: "Marks a field, argument, input field or enum value as going away.",
        locations: [.fieldDefinition, .argumentDefinition, .inputFieldDefinition, .enumValue],
        arguments: [
            GraphQLArgument(
                name: "reason",
                type: .string,
                description: "Why it is deprecated and what to use instead, in Markdown.",
                defaultValue: "No longer supported"
            )
        ]
    )

    /// `@specifiedBy(url:)`.
    public static let specifiedBy = GraphQLDirective(
        name: "specifiedBy",
        description: "Links a custom scalar to the document that defines its format.",
        locations: [.scalar],
        arguments: [
            GraphQLArgument(
                name: "url",
                type: .nonNull(.string),
                description: "Where the scalar's format is defined."
            )
        ]
    )

    /// `@oneOf`, marking input objects of which exactly one field must be set.
    public static let oneOf = GraphQLDirective(
        name: "oneOf",
        description: "Requires an input object to be given exactly one field, and that field not null.",
        locations: [.inputObject]
    )

    /// The directives every schema has.
    public static let specified: [GraphQLDirective] = [.include, .skip, .deprecated, .specifiedBy, .oneOf]
}
