extension Executor {
    /// The spec's CreateSourceEventStream, after the operation and variables are settled.
    ///
    /// - Returns: The response stream, or an invalid request with the errors that kept the
    ///   source stream from starting.
    func createSourceEventStream(_ rootType: GraphQLObjectType, rootValue: any Sendable) async
        -> GraphQLStreamingResponse
    {
        guard let (key, nodes) = collector.collect([operation.selectionSet], for: rootType).first else {
            let error = GraphQLError(message: "A subscription must select one field.", locations: [operation.location])
            return .failed(.failed(.invalidRequest, [error]))
        }
        let node = nodes[0]
        guard let definition = rootType.field(named: node.name.value) else {
            let error = GraphQLError(
                message: "Cannot query field \"\(node.name.value)\" on type \"\(rootType.name)\".",
                locations: [node.location]
            )
            return .failed(.failed(.invalidRequest, [error]))
        }
        let info = GraphQLResolveInfo(
            fieldName: definition.name,
            fieldNodes: nodes,
            returnType: definition.type,
            parentType: rootType,
            path: [.key(key)],
            schema: schema,
            operation: operation,
            fragments: fragments,
            variableValues: variables
        )

        do {
            guard let subscribe = definition.subscribe else {
                throw GraphQLError(
                    message: "Subscription field \(rootType.name).\(definition.name) has no event stream."
                )
            }
            let arguments = try ValueCoercion(schema: schema).coerceArguments(
                definition.arguments,
                nodes: node.arguments,
                variables: variables,
                at: node.location
            )
            let events = try await subscribe(rootValue, arguments, context, info)
            let eventExecutor = SubscriptionEventExecutor(executor: self, rootType: rootType, info: info)
            return .stream(GraphQLResponseStream(events: events, executor: eventExecutor))
        } catch {
            return .failed(.failed(.invalidRequest, failure(error, type: definition.type, info: info).errors))
        }
    }
}

/// The spec's ExecuteSubscriptionEvent for the events of one subscription.
struct SubscriptionEventExecutor: Sendable {
    let executor: Executor
    let rootType: GraphQLObjectType
    /// The root field's facts, for the errors of the source stream.
    let info: GraphQLResolveInfo

    /// Executes the selection set with `event` as the root value.
    func execute(_ event: any Sendable) async -> GraphQLResponse {
        let completed = await executor.executeRoot(rootType, rootValue: event)
        return GraphQLResponse(outcome: .executed, data: completed.value ?? .null, errors: completed.errors)
    }

    /// The last response of a source stream that threw `error`.
    func failure(_ error: any Error) -> GraphQLResponse {
        let completed = executor.failure(error, type: info.returnType, info: info)
        return GraphQLResponse(outcome: .executed, data: nil, errors: completed.errors)
    }
}
