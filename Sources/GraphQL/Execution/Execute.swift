/// Executes an operation of a validated document.
///
/// Chooses the operation (by `operationName`, or the only one), coerces the variables, then runs
/// the root fields: a query's concurrently, a mutation's strictly one after another. A
/// subscription's root field runs once as if it were a query, with the root value as its
/// event; ``subscribe(schema:document:operationName:variables:context:rootValue:)`` runs it as a
/// stream of events. Resolver errors become `errors` entries with `path` and
/// `locations`, and nulls propagate to the nearest nullable field per the spec.
///
/// - Parameters:
///   - schema: The schema.
///   - document: A document that has passed ``validate(schema:document:options:)``.
///   - operationName: The operation to run; required when the document has several.
///   - variables: The raw variable values, as decoded from the request.
///   - context: A value every resolver receives, such as the caller's identity or a logger.
///   - rootValue: The parent value of the root fields.
/// - Returns: The response; ``GraphQLResponse/Outcome/invalidRequest`` with no data when the
///   operation could not be chosen or the variables could not be coerced.
public func execute(
    schema: GraphQLSchema,
    document: DocumentNode,
    operationName: String? = nil,
    variables: GraphQLObject = [:],
    context: any Sendable = (),
    rootValue: any Sendable = GraphQLValue.object([:])
) async -> GraphQLResponse {
    let operation: OperationDefinitionNode
    switch selectOperation(in: document, named: operationName) {
    case .success(let selected): operation = selected
    case .failure(let error): return .failed(.invalidRequest, [error])
    }
    guard let rootType = schema.rootType(for: operation.operation) else {
        let error = GraphQLError(
            message: "Schema is not configured to execute \(operation.operation.rawValue) operation.",
            locations: [operation.location]
        )
        return .failed(.invalidRequest, [error])
    }
    let coercedVariables: GraphQLObject
    switch ValueCoercion(schema: schema).coerceVariables(operation.variableDefinitions, inputs: variables) {
    case .success(let coerced): coercedVariables = coerced
    case .failure(let failure): return .failed(.invalidRequest, failure.errors)
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
    let completed = await executor.executeRoot(rootType, rootValue: rootValue)
    return GraphQLResponse(outcome: .executed, data: completed.value ?? .null, errors: completed.errors)
}

/// The spec's GetOperation.
func selectOperation(in document: DocumentNode, named name: String?) -> Result<
    OperationDefinitionNode, GraphQLError
> {
    let operations = document.operations
    guard let name else {
        guard let only = operations.first else {
            return .failure(GraphQLError(message: "Must provide an operation."))
        }
        guard operations.count == 1 else {
            return .failure(GraphQLError(message: "Must provide operation name if query contains multiple operations."))
        }
        return .success(only)
    }
    guard let match = operations.first(where: { $0.name?.value == name }) else {
        return .failure(GraphQLError(message: "Unknown operation named \"\(name)\"."))
    }
    return .success(match)
}
