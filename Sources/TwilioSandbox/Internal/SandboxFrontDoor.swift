internal import HTTPServer
internal import ServiceSupport

/// The checks every request passes before a resource sees it, in Twilio's order:
/// record the request → the configured delay → HTTP Basic authentication (401/20003) → the
/// `{AccountSid}` in the path must be the authenticated account (404/20404) → the injected
/// rate limit (429/20429) → the route (404/20404 for unknown paths, 405/20004 for known paths
/// with another method). The sandbox's own endpoints under `/sandbox/` are never rate limited.
///
/// One nuance copied from the live API: a Basic user that is not a known Account SID, sent to
/// that same SID's path, is answered 404/20404 (the account resource does not exist) rather
/// than 401.
struct SandboxFrontDoor: Sendable {
    let state: SandboxState
    let router: HTTPRouter
    let logger: Logger

    init(state: SandboxState, resources: [any SandboxResource], logger: Logger) {
        var router = HTTPRouter(
            notFound: { request in TwilioError.notFound(request.path).response },
            methodNotAllowed: { _, _ in TwilioError.methodNotAllowed.response }
        )
        for resource in resources {
            resource.register(in: &router)
        }
        self.state = state
        self.router = router
        self.logger = logger
    }

    /// The sandbox as an HTTP handler.
    var handler: HTTPHandler {
        { request in await handle(request) }
    }

    private func handle(_ request: HTTPRequest) async -> HTTPResponse {
        let sequenceNumber = state.recordArrival(of: request, form: SandboxForm.decode(request))
        let delay = state.faults.responseDelay
        if delay > .zero {
            try? await Task.sleep(for: delay)
        }
        let response = await answer(request, sequenceNumber: sequenceNumber)
        state.recordResponse(response.status.code, for: sequenceNumber)
        return response
    }

    private func answer(_ request: HTTPRequest, sequenceNumber: Int) async -> HTTPResponse {
        let account: SandboxAccount
        switch authenticate(request) {
        case .success(let authenticated):
            account = authenticated
        case .failure(let error):
            logger.debug("twilio.sandbox.request.unauthenticated", ["twilio.error.code": String(error.code)])
            return error.response
        }
        state.recordAccount(account.sid, for: sequenceNumber)

        if let pathAccount = Self.pathAccount(request.path), pathAccount != account.sid {
            return TwilioError.notFound(request.path).response
        }
        if !request.path.hasPrefix("/sandbox/"), state.drawRateLimit() {
            logger.debug("twilio.sandbox.fault.rate_limited", ["twilio.request.sequence": String(sequenceNumber)])
            return TwilioError.tooManyRequests.response
        }
        return await router.respond(to: request)
    }

    private func authenticate(_ request: HTTPRequest) -> Result<SandboxAccount, TwilioError> {
        guard let header = request.headers["Authorization"], let credentials = BasicCredentials(header: header) else {
            return .failure(.authenticate)
        }
        guard let account = state.accounts[credentials.user] else {
            let unknownAccountPath = Self.pathAccount(request.path) == credentials.user
            return .failure(unknownAccountPath ? .notFound(request.path) : .authenticate)
        }
        guard BasicCredentials.constantTimeEquals(credentials.password, account.authToken) else {
            return .failure(.authenticate)
        }
        return .success(account)
    }

    /// The `{AccountSid}` of a `/2010-04-01/Accounts/{AccountSid}…` path, or `nil` for other paths.
    static func pathAccount(_ path: String) -> String? {
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 4, segments[1] == "2010-04-01", segments[2] == "Accounts" else {
            return nil
        }
        let account = segments[3]
        return String(account.hasSuffix(".json") ? account.dropLast(5) : account)
    }
}
