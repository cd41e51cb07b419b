internal import GraphQL
internal import HTTPServer
internal import ServiceSupport

extension GraphQLHTTPHandler {
    /// Logs one `graphql.document.rejected` line when a document was refused for breaking one of
    /// the parser's or the validator's limits (size, tokens, depth, fields, aliases, the
    /// overlapping-fields check's budget of field comparisons), naming the
    /// limit and the client's address. Other invalid documents are the client's own business and
    /// are not logged: their messages may quote the document.
    ///
    /// The limit is recognised by the fixed wording of the GraphQL module's limit errors.
    func logLimitViolation(_ response: GraphQLResponse, peer: String) {
        guard response.outcome == .invalidDocument else {
            return
        }
        for error in response.errors {
            guard let limit = Self.limitName(of: error.message) else {
                continue
            }
            logger.notice(
                "graphql.document.rejected",
                ["graphql.limit": limit, "graphql.reason": error.message, "http.peer": peer]
            )
            return
        }
    }

    /// The 429 for a client address that already has as many requests in flight as it may, with
    /// one `graphql.request.rejected` line naming the limit and the address.
    func refuseOverAddressLimit(_ request: HTTPRequest, mediaType: GraphQLMediaType) -> HTTPResponse {
        let limit = addressLimiter.limit
        return rejected(
            request,
            limit: "max_requests_in_flight_per_address",
            count: limit,
            status: .tooManyRequests,
            message: "This address already has \(limit) GraphQL requests in flight, as many as it may at once; "
                + "wait for one to finish and try again.",
            mediaType: mediaType
        )
    }

    /// The answer to an event stream past a limit, with one `graphql.request.rejected` line
    /// naming the limit and the address: 429 when the client's address has as many streams open
    /// as it may (`max_streams_per_address`), 503 when the server does (`max_streams`).
    func refuseOverStreamLimit(
        _ refusal: EventStreamLimiter.Refusal,
        _ request: HTTPRequest,
        mediaType: GraphQLMediaType
    ) -> HTTPResponse {
        switch refusal {
        case .perAddress:
            let limit = streamLimiter.limitPerAddress
            return rejected(
                request,
                limit: "max_streams_per_address",
                count: limit,
                status: .tooManyRequests,
                message: "This address already has \(limit) GraphQL event streams open, as many as it may at once; "
                    + "close one and try again.",
                mediaType: mediaType
            )
        case .total:
            let limit = streamLimiter.limit
            return rejected(
                request,
                limit: "max_streams",
                count: limit,
                status: .serviceUnavailable,
                message: "The server already serves \(limit) event streams, as many as it may at once; "
                    + "try again later.",
                mediaType: mediaType
            )
        }
    }

    /// `message` as an error answer with `status` and `Retry-After: 1`, after one
    /// `graphql.request.rejected` line naming `limit`, its `count` and the client's address.
    private func rejected(
        _ request: HTTPRequest,
        limit: String,
        count: Int,
        status: HTTPStatus,
        message: String,
        mediaType: GraphQLMediaType
    ) -> HTTPResponse {
        logger.notice(
            "graphql.request.rejected",
            ["graphql.limit": limit, "graphql.limit.count": String(count), "http.peer": request.remoteAddress]
        )
        var answer = errorResponse(message, status: status, mediaType: mediaType)
        answer.headers.add(name: "Retry-After", value: "1")
        return answer
    }

    /// The name of the limit an error message reports, or `nil` when it reports none.
    static func limitName(of message: String) -> String? {
        if message.hasPrefix("Document is larger than the limit of") {
            return "max_document_bytes"
        }
        if message.hasPrefix("Document nesting is deeper than the limit of")
            || message.contains("levels deep, more than the limit of")
        {
            return "max_depth"
        }
        if message.hasPrefix("Document is too complex to check for conflicting fields") {
            return "max_field_comparisons"
        }
        guard message.hasPrefix("Document contains more than") else {
            return nil
        }
        if message.hasSuffix(" fields.") {
            return "max_fields"
        }
        if message.hasSuffix(" aliases.") {
            return "max_aliases"
        }
        return message.contains(" tokens.") ? "max_tokens" : nil
    }
}
