/// Resolves one field: the parent value, the coerced arguments, the request's context, and
/// facts about the field, in; the field's value (or `nil` for null), out.
///
/// A value for an object type is passed as the parent to that object's field resolvers. A value
/// for a list type must be an array (`[any Sendable]`, any Swift array, or a
/// ``GraphQLValue/list(_:)``). A value for a leaf type goes through the type's serializer.
/// Throwing makes the field null and adds an entry to the response's `errors`.
public typealias GraphQLFieldResolver =
    @Sendable (
        _ parent: any Sendable,
        _ arguments: GraphQLObject,
        _ context: any Sendable,
        _ info: GraphQLResolveInfo
    ) async throws -> (any Sendable)?

/// Makes the source event stream of a Subscription root field: the parent value (the
/// subscription's root value), the coerced arguments, the request's context and facts about
/// the field, in; the events, out.
///
/// Each event becomes one response: the field's ``GraphQLField/resolve`` gets it as the parent.
/// The stream ending ends the subscription; the stream throwing ends it with one last response
/// carrying the error. Throwing instead of returning a stream fails the subscription before
/// any event. Cancelling the task that iterates the responses cancels the iteration of the
/// stream, which should stop whatever feeds it.
public typealias GraphQLSubscriptionResolver =
    @Sendable (
        _ parent: any Sendable,
        _ arguments: GraphQLObject,
        _ context: any Sendable,
        _ info: GraphQLResolveInfo
    ) async throws -> AsyncThrowingStream<any Sendable, any Error>

/// Names the concrete object type of a value for an interface or union; `nil` when it cannot tell.
public typealias GraphQLTypeResolver =
    @Sendable (
        _ value: any Sendable,
        _ context: any Sendable,
        _ info: GraphQLResolveInfo
    ) async throws -> String?

/// Facts about the field being resolved, given to every resolver.
public struct GraphQLResolveInfo: Sendable {
    /// The field's name in the schema.
    public let fieldName: String
    /// The field's nodes in the document (several when the same response key is selected more than once).
    public let fieldNodes: [FieldNode]
    /// The field's declared type.
    public let returnType: GraphQLTypeReference
    /// The object type that owns the field.
    public let parentType: GraphQLObjectType
    /// The field's path in the result, ending with its response key.
    public let path: [GraphQLPathComponent]
    /// The schema being executed.
    public let schema: GraphQLSchema
    /// The operation being executed.
    public let operation: OperationDefinitionNode
    /// The document's fragments by name.
    public let fragments: [String: FragmentDefinitionNode]
    /// The coerced variable values.
    public let variableValues: GraphQLObject
}
