internal import HTTPServer
internal import ServiceSupport

/// `/v2/Services/{ServiceSid}/Verifications` (start), `…/Verifications/{Sid}` (fetch, update)
/// and `…/VerificationCheck` (check).
struct VerificationsResource: SandboxResource {
    static let collectionPath = "/v2/Services/{ServiceSid}/Verifications"
    static let instancePath = "/v2/Services/{ServiceSid}/Verifications/{Sid}"
    static let checkPath = "/v2/Services/{ServiceSid}/VerificationCheck"

    let state: SandboxState
    let store: VerifyStore
    let logger: Logger

    func register(in router: inout HTTPRouter) {
        router.add(.post, Self.collectionPath) { request in answer(request, start) }
        router.add(.get, Self.instancePath) { request in answer(request, fetch) }
        router.add(.post, Self.instancePath) { request in answer(request, update) }
        router.add(.post, Self.checkPath) { request in answer(request, check) }
    }

    private func answer(
        _ request: HTTPRequest,
        _ handler: (HTTPRequest) throws(TwilioError) -> HTTPResponse
    ) -> HTTPResponse {
        do {
            return try handler(request)
        } catch {
            logger.debug("twilio.sandbox.verify.rejected", ["twilio.error.code": String(error.code)])
            return error.response
        }
    }

    private func start(_ request: HTTPRequest) throws(TwilioError) -> HTTPResponse {
        let scope = try VerifyScope(request, state: state)
        let draft = try VerificationDraft(form: SandboxForm.decode(request))
        let record = try store.start(draft, accountSID: scope.account.sid, service: scope.service, now: store.now)
        logger.debug(
            "twilio.sandbox.verification.sent",
            [
                "twilio.verification.sid": record.sid,
                "twilio.verification.channel": record.channel,
                "twilio.verification.to": Redaction.phoneNumber(record.to),
                "twilio.verification.sends": String(record.attempts.count),
            ]
        )
        return .json(record.json.encoded, status: .created)
    }

    private func check(_ request: HTTPRequest) throws(TwilioError) -> HTTPResponse {
        let scope = try VerifyScope(request, state: state)
        let form = SandboxForm.decode(request)
        let code = form["Code"] ?? ""
        guard (4...10).contains(code.utf8.count), code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) })
        else {
            throw .invalidParameter("Code", "Code must be 4 to 10 letters or digits")
        }
        let to = form["To"].flatMap { $0.isEmpty ? nil : $0 }
        let verificationSID = form["VerificationSid"].flatMap { $0.isEmpty ? nil : $0 }
        let target: VerifyStore.CheckTarget
        switch (to, verificationSID) {
        case (let to?, nil): target = .to(to)
        case (nil, let sid?): target = .sid(sid)
        case (nil, nil): throw .invalidParameter("To", "either To or VerificationSid is required")
        case (.some, .some): throw .invalidParameter("VerificationSid", "give To or VerificationSid, not both")
        }

        let record = try store.check(
            target,
            code: code,
            serviceSID: scope.service.sid,
            path: request.path,
            now: store.now
        )
        logger.debug(
            "twilio.sandbox.verification.checked",
            ["twilio.verification.sid": record.sid, "twilio.verification.status": record.status.rawValue]
        )
        return .json(record.checkJSON.encoded)
    }

    private func fetch(_ request: HTTPRequest) throws(TwilioError) -> HTTPResponse {
        let scope = try VerifyScope(request, state: state)
        let record = try store.fetch(
            sid: request.pathParameters["Sid"] ?? "",
            serviceSID: scope.service.sid,
            path: request.path,
            now: store.now
        )
        return .json(record.json.encoded)
    }

    private func update(_ request: HTTPRequest) throws(TwilioError) -> HTTPResponse {
        let scope = try VerifyScope(request, state: state)
        let status: VerificationRecord.Status
        switch SandboxForm.decode(request)["Status"] {
        case "canceled": status = .canceled
        case "approved": status = .approved
        default: throw .invalidParameter("Status", "Status must be canceled or approved")
        }
        let record = try store.finish(
            sid: request.pathParameters["Sid"] ?? "",
            as: status,
            serviceSID: scope.service.sid,
            path: request.path,
            now: store.now
        )
        logger.debug(
            "twilio.sandbox.verification.updated",
            ["twilio.verification.sid": record.sid, "twilio.verification.status": record.status.rawValue]
        )
        return .json(record.json.encoded)
    }
}
