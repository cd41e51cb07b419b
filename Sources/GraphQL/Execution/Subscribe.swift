/// Starts a subscription operation of a validated document: the spec's Subscribe.
///
/// CreateSourceEventStream: chooses the operation, coerces the variables and the root field's
/// arguments, and calls the field's ``GraphQLField/subscribe`` resolver for the source event
/// stream. MapSourceToResponseEvent: each event is then executed as the root value of the
/// selection set, giving one response per event; see ``GraphQLResponseStream``.
///
/// - Parameters:
///   - schema: The schema; it needs a subscription type.
///   - document: A document that has passed ``validate(schema:document:options:)``.
///   - operationName: The operation to run; required when the document has several.
///   - variables: The raw variable values, as decoded from the request.
///   - context: A value every resolver receives.
///   - rootValue: The parent value given to the `subscribe` resolver.
/// - Returns: The response stream, or ``GraphQLStreamingResponse/failed(_:)`` with
///   ``GraphQLResponse/Outcome/invalidRequest`` when the operation is not a subscription or
///   cannot be chosen, the variables or arguments cannot be coerced, or the `subscribe`
///   resolver is missing or throws (that error carries the field's path and locations).
public func subscribe(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: String? = nil,
    variables: GraphQLObject = [:],
    context: any Sendable = (),
    rootValue: any Sendable = GraphQLValue.object([:])
) async -> GraphQLStreamingResponse {
    let operation: OperationDefinitionNode
    switch selectOperation(in: document, named: operationName) {
    case .success(let selected): operation = selected
    case .failure(let error): return .failed(.failed(.invalidRequest, [error]))
    }
    guard operation.operation == .subscription, let rootType = schema.subscriptionType else {
        let error = GraphQLError(
            message: "Only a subscription operation can be subscribed to, not a \(operation.operation.rawValue).",
            locations: [operation.location]
        )
        return .failed(.failed(.invalidRequest, [error]))
    }
    let coercedVariables: GraphQLObject
    switch ValueCoercion(schema: schema).coerceVariables(operation.variableDefinitions, inputs: variables) {
    case .success(let coerced): coercedVariables = coerced
    case .failure(let failure): return .failed(.failed(.invalidRequest, failure.errors))
    }

    var fragments: [String: FragmentDefinitionNode] = [:]
    for fragment in document.fragments where fragments[fragment.name.value] == nil {
        fragments[fragment.name.value] = fragment
    }
    let executor = Executor(
        schema: schema,
        operation: operation,
        fragments: fragments,
        variables: coercedVariables,
        context: context
    )
    return await executor.createSourceEventStream(rootType, rootValue: rootValue)
}
