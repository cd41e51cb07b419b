internal import GraphQL
internal import HTTPServer
internal import RPCCore
internal import ServiceSupport

extension GraphQLHTTPHandler {
    /// The caller of `request`, or the 401 (or 503) answer when it sent no valid key; always a
    /// caller when the handler has no ``access`` check.
    func authenticate(_ request: HTTPRequest, _ context: GatewayRequestContext, mediaType: GraphQLMediaType)
        -> Result<RPCCaller, AccessAnswer>
    {
        guard let access else {
            return .success(.anonymous)
        }
        do {
            return .success(try access.caller(from: context.metadata))
        } catch {
            return .failure(AccessAnswer(response: refused(error, peer: request.remoteAddress, mediaType: mediaType)))
        }
    }

    /// The 403 answer when a root field of `graphQLRequest` calls an RPC out of the caller's
    /// scopes.
    func scopeRefusal(
        _ caller: RPCCaller,
        _ graphQLRequest: GraphQLRequest,
        of request: HTTPRequest,
        mediaType: GraphQLMediaType
    ) -> HTTPResponse? {
        guard let refusal = access?.refusal(of: caller, for: graphQLRequest) else {
            return nil
        }
        return refused(refusal, peer: request.remoteAddress, mediaType: mediaType)
    }

    /// The answer to a refused request, after one `auth.refused` line with the reason, the key
    /// ID when known and the client's address (`http.peer`).
    private func refused(_ rpcRefusal: RPCAccessRefusal, peer: String, mediaType: GraphQLMediaType) -> HTTPResponse {
        let refusal = Self.inHTTPTerms(rpcRefusal)
        var fields = ["auth.reason": refusal.message, "http.peer": peer]
        fields["auth.key_id"] = refusal.keyID
        logger.warning("auth.refused", fields)
        let status: HTTPStatus =
            switch refusal.code {
            case .unauthenticated: .unauthorized
            case .permissionDenied: .forbidden
            default: .serviceUnavailable
            }
        logger.debug("graphql.request.finished", ["http.status": String(status.code), "graphql.errors": "1"])
        let body: GraphQLValue = [
            "errors": [
                ["message": .string(refusal.message), "extensions": ["code": .string(refusal.code.description)]]
            ]
        ]
        var answer = HTTPResponse(
            status: status,
            headers: ["Content-Type": mediaType.contentType],
            body: body.jsonBytes()
        )
        if refusal.code == .unauthenticated {
            answer.headers.add(name: "WWW-Authenticate", value: "Bearer")
        }
        return answer
    }

    /// `refusal` with a message that names the HTTP header where the RPC one names metadata.
    static func inHTTPTerms(_ refusal: RPCAccessRefusal) -> RPCAccessRefusal {
        var answer = refusal
        switch refusal {
        case .missingKey: answer.message = "missing API key: send the header Authorization: Bearer <key>"
        case .duplicateKey: answer.message = "several Authorization headers: send one Authorization: Bearer <key>"
        case .wrongScheme: answer.message = "use the Bearer scheme: Authorization: Bearer <key>"
        case .emptyKey: answer.message = "missing API key after Bearer: send the header Authorization: Bearer <key>"
        case .schemeTwice:
            answer.message =
                "Bearer appears twice: send the header Authorization: Bearer <key> with the key alone (tgw_…), "
                + "and remove 'Bearer ' from where the key is kept"
        default: break
        }
        return answer
    }

    /// An answer that ends a request before it runs, as an `Error` for `Result`.
    struct AccessAnswer: Error {
        let response: HTTPResponse
    }
}
