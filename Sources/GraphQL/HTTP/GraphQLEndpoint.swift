/// Turns GraphQL requests into responses: reads the request, parses, validates and executes.
///
/// The HTTP layer passes the body (POST) or the URL query (GET) and sends back
/// ``GraphQLResponse/jsonString()`` with ``GraphQLResponse/suggestedHTTPStatus(graphQLResponseMediaType:)``.
/// Over a transport that carries a stream of results, such as Server-Sent Events, the
/// `respondWithStream` methods serve subscriptions too.
public struct GraphQLEndpoint: Sendable {
    /// The schema requests run against.
    public let schema: GraphQLSchema
    /// Limits on documents.
    public var parseLimits: ParseLimits
    /// Validation limits.
    public var validationOptions: ValidationOptions
    /// Limits on JSON bodies and parameters.
    public var jsonLimits: JSONLimits

    /// Creates an endpoint.
    ///
    /// - Parameters:
    ///   - schema: The schema requests run against.
    ///   - parseLimits: Limits on documents.
    ///   - validationOptions: Validation limits.
    ///   - jsonLimits: Limits on JSON bodies and parameters.
    public init(
        schema: GraphQLSchema,
        parseLimits: ParseLimits = ParseLimits(),
        validationOptions: ValidationOptions = ValidationOptions(),
        jsonLimits: JSONLimits = JSONLimits()
    ) {
        self.schema = schema
        self.parseLimits = parseLimits
        self.validationOptions = validationOptions
        self.jsonLimits = jsonLimits
    }

    /// Answers a POST request with a JSON body.
    ///
    /// - Parameters:
    ///   - body: The request body in UTF-8.
    ///   - context: The value every resolver receives.
    /// - Returns: The response; ``GraphQLResponse/Outcome/malformedRequest`` when the body is unreadable.
    public func respond(toJSONBody body: some Collection<UInt8>, context: any Sendable = ()) async -> GraphQLResponse {
        do {
            let request = try GraphQLRequest(jsonBody: body, limits: jsonLimits)
            return await respond(to: request, context: context)
        } catch {
            return .failed(.malformedRequest, [GraphQLError(message: error.message)])
        }
    }

    /// Answers a GET request; mutations are refused as GET must be safe.
    ///
    /// - Parameters:
    ///   - urlQuery: The part of the URL after `?`, still percent-encoded.
    ///   - context: The value every resolver receives.
    /// - Returns: The response; ``GraphQLResponse/Outcome/operationNotAllowed`` for a mutation.
    public func respond(toURLQuery urlQuery: String, context: any Sendable = ()) async -> GraphQLResponse {
        do {
            let request = try GraphQLRequest(urlQuery: urlQuery, limits: jsonLimits)
            return await respond(to: request, context: context, allowsMutations: false)
        } catch {
            return .failed(.malformedRequest, [GraphQLError(message: error.message)])
        }
    }

    /// Answers a request.
    ///
    /// A subscription is refused (``GraphQLResponse/Outcome/invalidRequest``), since its
    /// results come as a stream; ``respondWithStream(to:context:allowsMutations:rootValue:)``
    /// serves it.
    ///
    /// - Parameters:
    ///   - request: The request.
    ///   - context: The value every resolver receives.
    ///   - allowsMutations: Whether a mutation may run (false for GET).
    ///   - rootValue: The parent value of the root fields.
    /// - Returns: The response.
    public func respond(
        to request: GraphQLRequest,
        context: any Sendable = (),
        allowsMutations: Bool = true,
        rootValue: any Sendable = GraphQLValue.object([:])
    ) async -> GraphQLResponse {
        let document: DocumentNode
        switch prepare(request, allowsMutations: allowsMutations) {
        case .success(let prepared): document = prepared
        case .failure(let refusal): return refusal.response
        }
        if operationType(in: document, named: request.operationName) == .subscription {
            let error = GraphQLError(
                message: "A subscription sends a stream of results: ask for it with the header "
                    + "Accept: text/event-stream (GraphQL over Server-Sent Events)."
            )
            return .failed(.invalidRequest, [error])
        }
        return await execute(
            schema: schema,
            document: document,
            operationName: request.operationName,
            variables: request.variables,
            context: context,
            rootValue: rootValue
        )
    }

    /// A response that ends a request before execution, as an `Error` for `Result`.
    struct Refusal: Error {
        let response: GraphQLResponse
    }

    /// Parses and validates the request's document, and refuses a mutation unless allowed.
    func prepare(_ request: GraphQLRequest, allowsMutations: Bool) -> Result<DocumentNode, Refusal> {
        let document: DocumentNode
        do {
            document = try parse(source: request.query, limits: parseLimits)
        } catch {
            return .failure(Refusal(response: .failed(.invalidDocument, [error])))
        }
        let errors = validate(schema: schema, document: document, options: validationOptions)
        guard errors.isEmpty else {
            return .failure(Refusal(response: .failed(.invalidDocument, errors)))
        }
        if !allowsMutations, operationType(in: document, named: request.operationName) == .mutation {
            let error = GraphQLError(message: "Can only perform a mutation operation from a POST request.")
            return .failure(Refusal(response: .failed(.operationNotAllowed, [error])))
        }
        return .success(document)
    }

    /// The type of the operation the request names, or `nil` when it names none the document has.
    func operationType(in document: DocumentNode, named name: String?) -> OperationType? {
        let operations = document.operations
        let chosen =
            name == nil
            ? (operations.count == 1 ? operations.first : nil)
            : operations.first { $0.name?.value == name }
        return chosen?.operation
    }
}
