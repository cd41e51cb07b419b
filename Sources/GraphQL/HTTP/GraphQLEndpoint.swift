/// Turns GraphQL requests into responses: reads the request, parses, validates and executes.
///
/// The HTTP layer passes the body (POST) or the URL query (GET) and sends back
/// ``GraphQLResponse/jsonString()`` with ``GraphQLResponse/suggestedHTTPStatus(graphQLResponseMediaType:)``.
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
        do {
            document = try parse(source: request.query, limits: parseLimits)
        } catch {
            return .failed(.invalidDocument, [error])
        }
        let errors = validate(schema: schema, document: document, options: validationOptions)
        guard errors.isEmpty else {
            return .failed(.invalidDocument, errors)
        }
        if !allowsMutations, isMutation(in: document, named: request.operationName) {
            let error = GraphQLError(message: "Can only perform a mutation operation from a POST request.")
            return .failed(.operationNotAllowed, [error])
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

    private func isMutation(in document: DocumentNode, named name: String?) -> Bool {
        let operations = document.operations
        let chosen =
            name == nil
            ? (operations.count == 1 ? operations.first : nil)
            : operations.first { $0.name?.value == name }
        return chosen?.operation == .mutation
    }
}
