public import GraphQL
public import HTTPServer
internal import RPCCore
public import ServiceSupport

/// Serves a GraphQL endpoint over HTTP as "GraphQL over HTTP" describes.
///
/// - `POST` with a JSON body `{"query", "variables", "operationName", "extensions"}`; the
///   `Content-Type` must be `application/json` (charset UTF-8 if given), anything else is
///   answered 415.
/// - `GET` with the same members as URL query parameters; only queries, a mutation is answered
///   405 with `Allow: POST`.
/// - The response is `application/graphql-response+json` when the `Accept` header asks for it,
///   and `application/json` otherwise, both with `charset=utf-8`; the status comes from
///   ``GraphQL/GraphQLResponse/suggestedHTTPStatus(graphQLResponseMediaType:)``.
///
/// - With `Accept: text/event-stream` (GraphQL over Server-Sent Events, distinct connections
///   mode), results are streamed as `next` events and a final `complete`: a subscription's, one
///   per event, a query's or mutation's, one. See ``EventStreamOptions`` for the limits.
///
/// With an ``access`` check, a request without a valid `Authorization: Bearer` key is answered
/// 401 (with `WWW-Authenticate: Bearer`) and one whose root fields call an RPC out of the key's
/// scopes 403, both before anything runs and with a GraphQL-shaped `errors` body.
///
/// The handler's own work (reading the request, parsing, validating, executing) runs on threads
/// of its own rather than on Swift's cooperative pool, so a costly document cannot hold up the
/// server's other routes; see ``respond(to:)``.
///
/// Body size limits are the ``HTTPServer/HTTPServer``'s: it answers 413 before the handler runs.
/// Each request's RPCs get ``requestTimeout`` and the HTTP `Authorization` header as the
/// `authorization` metadata entry (a request with two such headers is refused 401); a subscription's RPC has no deadline and is cancelled when
/// the client disconnects.
public struct GraphQLHTTPHandler: Sendable {
    /// The endpoint requests run against.
    public let endpoint: GraphQLEndpoint
    /// How long each RPC a request makes may take.
    public let requestTimeout: Duration
    /// How results are streamed over Server-Sent Events.
    public let eventStreams: EventStreamOptions
    /// Who may run what; `nil` leaves every check to the RPCs.
    public let access: GraphQLAccessCheck?
    let streamLimiter: EventStreamLimiter
    let addressLimiter: AddressWorkLimiter
    let workExecutor: GraphQLWorkExecutor
    let logger: Logger
    let observer: (@Sendable (GraphQLRequestEvent) -> Void)?

    /// Creates a handler.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint requests run against, such as one from
    ///     ``GatewaySchema/makeEndpoint(parseLimits:validationOptions:jsonLimits:)``.
    ///   - requestTimeout: How long each RPC a request makes may take; 10 seconds unless set.
    ///   - logger: Receives one `graphql.request.finished` (or, for a stream,
    ///     `graphql.stream.finished`) debug line per request and the RPC failures; never
    ///     argument values or headers.
    ///   - eventStreams: How results are streamed over Server-Sent Events.
    ///   - observer: Called once per request when its answer is ready, on the request's task;
    ///     it must be quick.
    ///   - access: Checks each request's API key and scopes before it runs; `nil` for none.
    ///   - maxRequestsInFlightPerAddress: How many requests one client address may have in
    ///     flight (an event stream counts until its first response; its open streams have their
    ///     own limit, ``EventStreamOptions/maxStreamsPerAddress``); one more is answered 429 with
    ///     `Retry-After`. Default 8; at least 1.
    public init(
        endpoint: GraphQLEndpoint,
        requestTimeout: Duration = .seconds(10),
        logger: Logger = .disabled,
        eventStreams: EventStreamOptions = EventStreamOptions(),
        observer: (@Sendable (GraphQLRequestEvent) -> Void)? = nil,
        access: GraphQLAccessCheck? = nil,
        maxRequestsInFlightPerAddress: Int = 8
    ) {
        precondition(maxRequestsInFlightPerAddress > 0, "maxRequestsInFlightPerAddress must be at least 1")
        self.addressLimiter = AddressWorkLimiter(limit: maxRequestsInFlightPerAddress)
        self.endpoint = endpoint
        self.access = access
        self.requestTimeout = requestTimeout
        self.logger = logger
        self.eventStreams = eventStreams
        self.streamLimiter = EventStreamLimiter(
            limit: eventStreams.maxConcurrentStreams,
            limitPerAddress: eventStreams.maxStreamsPerAddress
        )
        self.workExecutor = GraphQLWorkExecutor()
        self.observer = observer
    }

    /// Adds `GET` and `POST` routes for `path` to `router`.
    ///
    /// - Parameters:
    ///   - router: The router to add to.
    ///   - path: The endpoint's path; `/graphql` unless set.
    public func register(in router: inout HTTPRouter, at path: String = "/graphql") {
        router.add(.get, path) { request in await respond(to: request) }
        router.add(.post, path) { request in await respond(to: request) }
    }

    /// Answers one HTTP request.
    ///
    /// The work runs on the handler's own threads (one per core, shared by its requests), not on
    /// the cooperative pool the caller runs on; a stream's events are produced after this returns,
    /// on the HTTP server's task.
    ///
    /// - Parameter request: A `GET` or `POST` request; other methods are answered 405.
    /// - Returns: The response.
    public func respond(to request: HTTPRequest) async -> HTTPResponse {
        await withTaskExecutorPreference(workExecutor) {
            await answer(request)
        }
    }

    private func answer(_ request: HTTPRequest) async -> HTTPResponse {
        let started = ContinuousClock.now
        let mediaType = GraphQLMediaType.negotiate(accept: request.headers["Accept"])
        let context = makeContext(for: request)
        let caller: RPCCaller
        switch authenticate(request, context, mediaType: mediaType) {
        case .success(let known): caller = known
        case .failure(let answer): return answer.response
        }
        guard let place = addressLimiter.acquire(for: request.remoteAddress) else {
            return refuseOverAddressLimit(request, mediaType: mediaType)
        }
        // The place is held until the answer is ready (a stream's, until its first response).
        defer { withExtendedLifetime(place) {} }
        let streaming = GraphQLMediaType.eventStreamPreference(accept: request.headers["Accept"])
        if streaming != .none {
            return await respondWithEventStream(
                to: request,
                context: context,
                caller: caller,
                mediaType: mediaType,
                errorsAsEvents: streaming == .only
            )
        }

        let read: Result<GraphQLRequest, GraphQLRequestError>
        let allowsMutations: Bool
        switch request.method {
        case .get, .head:
            read = Result { () throws(GraphQLRequestError) in
                try GraphQLRequest(urlQuery: request.query, limits: endpoint.jsonLimits)
            }
            allowsMutations = false
        case .post:
            if let problem = Self.contentTypeProblem(request) {
                report(nil, nil, .malformed, since: started)
                return errorResponse(problem, status: .unsupportedMediaType, mediaType: mediaType)
            }
            read = Result { () throws(GraphQLRequestError) in
                try GraphQLRequest(jsonBody: request.body, limits: endpoint.jsonLimits)
            }
            allowsMutations = true
        default:
            report(nil, nil, .notAllowed, since: started)
            var answer = errorResponse(
                "GraphQL requests use GET or POST, not \(request.method).",
                status: .methodNotAllowed,
                mediaType: mediaType
            )
            answer.headers.add(name: "Allow", value: "GET, POST")
            return answer
        }

        let response: GraphQLResponse
        switch read {
        case .success(let graphQLRequest):
            if let refusal = scopeRefusal(caller, graphQLRequest, of: request, mediaType: mediaType) {
                return refusal
            }
            response = await endpoint.respond(to: graphQLRequest, context: context, allowsMutations: allowsMutations)
            logLimitViolation(response, peer: request.remoteAddress)
            report(graphQLRequest, response, Self.outcome(of: response), since: started)
        case .failure(let error):
            response = GraphQLResponse(
                outcome: .malformedRequest,
                data: nil,
                errors: [GraphQLError(message: error.message)]
            )
            report(nil, nil, .malformed, since: started)
        }

        return ordinaryResponse(response, mediaType: mediaType)
    }

    /// `response` as one JSON document in `mediaType`, with the HTTP status the GraphQL over
    /// HTTP specification suggests for it.
    func ordinaryResponse(_ response: GraphQLResponse, mediaType: GraphQLMediaType) -> HTTPResponse {
        let status = response.suggestedHTTPStatus(graphQLResponseMediaType: mediaType == .graphQLResponse)
        logger.debug(
            "graphql.request.finished",
            ["http.status": String(status), "graphql.errors": String(response.errors.count)]
        )
        var answer = HTTPResponse(
            status: HTTPStatus(code: status),
            headers: ["Content-Type": mediaType.contentType],
            body: response.graphQLValue.jsonBytes()
        )
        if response.outcome == .operationNotAllowed {
            answer.headers.add(name: "Allow", value: "POST")
        }
        return answer
    }

    private func makeContext(for request: HTTPRequest) -> GatewayRequestContext {
        var metadata = RPCMetadata()
        for authorization in request.headers.values(for: "Authorization") {
            metadata.add("authorization", authorization)
        }
        return GatewayRequestContext(
            timeout: requestTimeout,
            metadata: metadata,
            logger: logger,
            httpPeer: request.remoteAddress
        )
    }

    /// Why a POST body cannot be read as JSON, or `nil` when it can.
    static func contentTypeProblem(_ request: HTTPRequest) -> String? {
        guard let contentType = request.headers["Content-Type"] else {
            return "A POST request needs the header Content-Type: application/json."
        }
        let parameters = contentType.split(separator: ";").dropFirst().map { $0.trimmingWhitespace().lowercased() }
        let charset = parameters.first { $0.hasPrefix("charset=") }?.dropFirst("charset=".count)
        guard request.mediaType == "application/json", charset == nil || charset == "utf-8" else {
            return "The request body must be sent as Content-Type: application/json (UTF-8), not \(contentType)."
        }
        return nil
    }

    func errorResponse(_ message: String, status: HTTPStatus, mediaType: GraphQLMediaType) -> HTTPResponse {
        let body: GraphQLValue = ["errors": [["message": .string(message)]]]
        logger.debug("graphql.request.finished", ["http.status": String(status.code), "graphql.errors": "1"])
        return HTTPResponse(status: status, headers: ["Content-Type": mediaType.contentType], body: body.jsonBytes())
    }
}
