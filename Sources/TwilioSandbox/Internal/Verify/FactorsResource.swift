internal import HTTPServer
internal import ServiceSupport

/// TOTP: `/v2/Services/{ServiceSid}/Entities/{Identity}/Factors` (create),
/// `…/Factors/{Sid}` (verify with `AuthPayload`), `…/Challenges` (create) and
/// `…/Challenges/{Sid}` (answer with `AuthPayload`).
///
/// The sandbox computes real RFC 6238 codes from each factor's secret, so a test holding the
/// secret can act as the authenticator app.
struct FactorsResource: SandboxResource {
    static let factorsPath = "/v2/Services/{ServiceSid}/Entities/{Identity}/Factors"
    static let factorPath = "/v2/Services/{ServiceSid}/Entities/{Identity}/Factors/{Sid}"
    static let challengesPath = "/v2/Services/{ServiceSid}/Entities/{Identity}/Challenges"
    static let challengePath = "/v2/Services/{ServiceSid}/Entities/{Identity}/Challenges/{Sid}"

    let state: SandboxState
    let store: VerifyStore
    let logger: Logger

    func register(in router: inout HTTPRouter) {
        router.add(.post, Self.factorsPath) { request in answer(request, createFactor) }
        router.add(.post, Self.factorPath) { request in answer(request, verifyFactor) }
        router.add(.post, Self.challengesPath) { request in answer(request, createChallenge) }
        router.add(.post, Self.challengePath) { request in answer(request, answerChallenge) }
    }

    private func answer(
        _ request: HTTPRequest,
        _ handler: (HTTPRequest) throws(TwilioError) -> HTTPResponse
    ) -> HTTPResponse {
        do {
            return try handler(request)
        } catch {
            logger.debug("twilio.sandbox.totp.rejected", ["twilio.error.code": String(error.code)])
            return error.response
        }
    }

    private func createFactor(_ request: HTTPRequest) throws(TwilioError) -> HTTPResponse {
        let scope = try VerifyScope(request, state: state)
        let identity = request.pathParameters["Identity"] ?? ""
        let draft = try FactorDraft(form: SandboxForm.decode(request), identity: identity)
        let factor = store.createFactor(
            draft,
            identity: identity,
            accountSID: scope.account.sid,
            serviceSID: scope.service.sid,
            now: store.now
        )
        logger.debug("twilio.sandbox.factor.created", ["twilio.factor.sid": factor.sid])
        return .json(factor.json(bindingIssuer: scope.service.friendlyName).encoded, status: .created)
    }

    private func verifyFactor(_ request: HTTPRequest) throws(TwilioError) -> HTTPResponse {
        let scope = try VerifyScope(request, state: state)
        let code = try Self.authPayload(SandboxForm.decode(request)["AuthPayload"])
        let factor = try store.verifyFactor(
            sid: request.pathParameters["Sid"] ?? "",
            code: code,
            identity: request.pathParameters["Identity"] ?? "",
            serviceSID: scope.service.sid,
            path: request.path,
            now: store.now
        )
        logger.debug(
            "twilio.sandbox.factor.updated",
            ["twilio.factor.sid": factor.sid, "twilio.factor.status": factor.isVerified ? "verified" : "unverified"]
        )
        return .json(factor.json(bindingIssuer: nil).encoded)
    }

    private func createChallenge(_ request: HTTPRequest) throws(TwilioError) -> HTTPResponse {
        let scope = try VerifyScope(request, state: state)
        let form = SandboxForm.decode(request)
        guard let factorSID = form["FactorSid"], !factorSID.isEmpty else {
            throw .invalidParameter("FactorSid", "FactorSid is required")
        }
        let code: String? = if let payload = form["AuthPayload"] { try Self.authPayload(payload) } else { nil }
        let challenge = try store.createChallenge(
            factorSID: factorSID,
            code: code,
            identity: request.pathParameters["Identity"] ?? "",
            serviceSID: scope.service.sid,
            path: request.path,
            now: store.now
        )
        logger.debug(
            "twilio.sandbox.challenge.created",
            ["twilio.challenge.sid": challenge.sid, "twilio.challenge.status": challenge.status.rawValue]
        )
        return .json(challenge.json.encoded, status: .created)
    }

    private func answerChallenge(_ request: HTTPRequest) throws(TwilioError) -> HTTPResponse {
        let scope = try VerifyScope(request, state: state)
        let code = try Self.authPayload(SandboxForm.decode(request)["AuthPayload"])
        let challenge = try store.answerChallenge(
            sid: request.pathParameters["Sid"] ?? "",
            code: code,
            identity: request.pathParameters["Identity"] ?? "",
            serviceSID: scope.service.sid,
            path: request.path,
            now: store.now
        )
        logger.debug(
            "twilio.sandbox.challenge.updated",
            ["twilio.challenge.sid": challenge.sid, "twilio.challenge.status": challenge.status.rawValue]
        )
        return .json(challenge.json.encoded)
    }

    /// The `AuthPayload` of a TOTP request: 3 to 8 digits.
    private static func authPayload(_ value: String?) throws(TwilioError) -> String {
        guard let value, FactorDraft.isTotpCode(value) else {
            throw .invalidParameter("AuthPayload", "AuthPayload must be the TOTP code, 3 to 8 digits")
        }
        return value
    }
}
