extension GraphQLEndpoint {
    /// Answers a POST request with a JSON body over a transport that carries a stream of results.
    ///
    /// - Parameters:
    ///   - body: The request body in UTF-8.
    ///   - context: The value every resolver receives.
    /// - Returns: The results, or ``GraphQLStreamingResponse/failed(_:)`` with
    ///   ``GraphQLResponse/Outcome/malformedRequest`` when the body is unreadable.
    public func respondWithStream(
        toJSONBody body: some Collection<UInt8>,
        context: any Sendable = ()
    ) async -> GraphQLStreamingResponse {
        do {
            let request = try GraphQLRequest(jsonBody: body, limits: jsonLimits)
            return await respondWithStream(to: request, context: context)
        } catch {
            return .failed(.failed(.malformedRequest, [GraphQLError(message: error.message)]))
        }
    }

    /// Answers a GET request over a transport that carries a stream of results; mutations are
    /// refused as GET must be safe.
    ///
    /// - Parameters:
    ///   - urlQuery: The part of the URL after `?`, still percent-encoded.
    ///   - context: The value every resolver receives.
    /// - Returns: The results, or ``GraphQLStreamingResponse/failed(_:)``; with
    ///   ``GraphQLResponse/Outcome/operationNotAllowed`` for a mutation.
    public func respondWithStream(toURLQuery urlQuery: String, context: any Sendable = ()) async
        -> GraphQLStreamingResponse
    {
        do {
            let request = try GraphQLRequest(urlQuery: urlQuery, limits: jsonLimits)
            return await respondWithStream(to: request, context: context, allowsMutations: false)
        } catch {
            return .failed(.failed(.malformedRequest, [GraphQLError(message: error.message)]))
        }
    }

    /// Answers a request over a transport that carries a stream of results: a subscription's
    /// results one per event, a query's or mutation's one result.
    ///
    /// Every failure before the first result (an unreadable document, validation errors, an
    /// operation that cannot be chosen or run, variables that cannot be coerced, a source
    /// stream that cannot start) is ``GraphQLStreamingResponse/failed(_:)``.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - context: The value every resolver receives.
    ///   - allowsMutations: Whether a mutation may run (false for GET).
    ///   - rootValue: The parent value of the root fields, or of the subscription's `subscribe`
    ///     resolver.
    /// - Returns: The results.
    public func respondWithStream(
        to request: GraphQLRequest,
        context: any Sendable = (),
        allowsMutations: Bool = true,
        rootValue: any Sendable = GraphQLValue.object([:])
    ) async -> GraphQLStreamingResponse {
        let document: DocumentNode
        switch prepare(request, allowsMutations: allowsMutations) {
        case .success(let prepared): document = prepared
        case .failure(let refusal): return .failed(refusal.response)
        }
        if operationType(in: document, named: request.operationName) == .subscription {
            return await subscribe(
                schema: schema,
                document: document,
                operationName: request.operationName,
                variables: request.variables,
                context: context,
                rootValue: rootValue
            )
        }

        let response = await execute(
            schema: schema,
            document: document,
            operationName: request.operationName,
            variables: request.variables,
            context: context,
            rootValue: rootValue
        )
        guard response.outcome == .executed else {
            return .failed(response)
        }
        return .stream(GraphQLResponseStream(single: response))
    }
}
