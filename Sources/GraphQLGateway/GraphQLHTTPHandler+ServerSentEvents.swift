internal import GraphQL
internal import HTTPServer
internal import RPCCore
internal import ServiceSupport

extension GraphQLHTTPHandler {
    /// Answers a request that asked for `text/event-stream`: GraphQL over Server-Sent Events,
    /// distinct connections mode.
    ///
    /// The results go out as `next` events, then `complete`. Refused before any stream, as an
    /// ordinary response: a method other than GET or POST (405), a POST body that is not JSON
    /// (415), one stream past the client address's limit (429) or the server's (503), a request
    /// that cannot be read as GraphQL (400)
    /// and a mutation over GET (405). Errors of the document, the operation choice or the
    /// variables go out as one `next` event and `complete` when `errorsAsEvents` is set (the
    /// client accepts nothing but the event stream), and as an ordinary response otherwise.
    func respondWithEventStream(
        to request: HTTPRequest,
        context: GatewayRequestContext,
        caller: RPCCaller,
        mediaType: GraphQLMediaType,
        errorsAsEvents: Bool
    ) async -> HTTPResponse {
        guard [.get, .head, .post].contains(request.method) else {
            var answer = errorResponse(
                "GraphQL requests use GET or POST, not \(request.method).",
                status: .methodNotAllowed,
                mediaType: mediaType
            )
            answer.headers.add(name: "Allow", value: "GET, POST")
            return answer
        }
        if request.method == .post, let problem = Self.contentTypeProblem(request) {
            return errorResponse(problem, status: .unsupportedMediaType, mediaType: mediaType)
        }
        let read =
            request.method == .post
            ? try? GraphQLRequest(jsonBody: request.body, limits: endpoint.jsonLimits)
            : try? GraphQLRequest(urlQuery: request.query, limits: endpoint.jsonLimits)
        if let read, let refusal = scopeRefusal(caller, read, of: request, mediaType: mediaType) {
            return refusal
        }
        let slot: EventStreamLimiter.Slot
        do {
            slot = try streamLimiter.acquire(for: request.remoteAddress)
        } catch {
            return refuseOverStreamLimit(error, request, mediaType: mediaType)
        }

        let result =
            request.method == .post
            ? await endpoint.respondWithStream(toJSONBody: request.body, context: context)
            : await endpoint.respondWithStream(toURLQuery: request.query, context: context)
        if case .failed(let response) = result {
            logLimitViolation(response, peer: request.remoteAddress)
        }
        switch result {
        case .stream(let results):
            return eventStream(of: results, slot: slot)
        case .failed(let response)
        where errorsAsEvents && [.invalidDocument, .invalidRequest].contains(response.outcome):
            return eventStream(of: GraphQLResponseStream(single: response), slot: slot)
        case .failed(let response):
            return ordinaryResponse(response, mediaType: mediaType)
        }
    }

    private func eventStream(of results: GraphQLResponseStream, slot: EventStreamLimiter.Slot) -> HTTPResponse {
        let options = eventStreams
        let logger = self.logger
        return .streaming(
            headers: [
                "Content-Type": "text/event-stream; charset=utf-8",
                "Cache-Control": "no-cache",
                "X-Accel-Buffering": "no",
            ],
            bufferSize: options.bufferBytes
        ) { writer in
            defer { slot.release() }
            var count = 0
            var completed = false
            defer {
                logger.debug(
                    "graphql.stream.finished",
                    ["graphql.results": String(count), "graphql.completed": String(completed)]
                )
            }
            try await withThrowingTaskGroup(of: Void.self) { group in
                defer { group.cancelAll() }
                group.addTask {
                    while true {
                        try await Task.sleep(for: options.keepAliveInterval)
                        try await writer.write(ServerSentEvents.keepAlive)
                    }
                }
                for await response in results {
                    try await writer.write(ServerSentEvents.next(response.jsonString()))
                    count += 1
                }
                try Task.checkCancellation()
                try await writer.write(ServerSentEvents.complete)
                completed = true
            }
        }
    }
}
