public import GatewayAPI
public import RPCCore
internal import ServiceSupport
public import TwilioREST

/// The `twilio.gateway.v1.Verify` service: one-time codes through Twilio Verify v2, and TOTP
/// factors (see `VerifyService+Totp.swift`).
///
/// Codes never reach a log line: they travel from the caller to Twilio and back only.
public struct VerifyService: Sendable {
    let twilio: TwilioClient
    /// The Verify Service, `VA…`, of requests that name none; `nil` makes `service_sid` required.
    let defaultServiceSID: String?

    /// Creates the service on top of a Twilio client.
    ///
    /// - Parameters:
    ///   - twilio: The client for Twilio (or the sandbox).
    ///   - defaultServiceSID: The Verify Service of calls (through ``register(in:)``) whose
    ///     request leaves `service_sid` empty, or `nil` to require it.
    public init(twilio: TwilioClient, defaultServiceSID: String? = nil) {
        self.twilio = twilio
        self.defaultServiceSID = defaultServiceSID
    }

    /// Adds the service's methods to `router`; each fills in the default service SID.
    public func register(in router: inout RPCRouter) {
        router.registerUnary(.startVerification, StartVerificationRequest.self) {
            try await startVerification(defaulted($0), context: $1)
        }
        router.registerUnary(.checkVerification, CheckVerificationRequest.self) {
            try await checkVerification(defaulted($0), context: $1)
        }
        router.registerUnary(.getVerification, GetVerificationRequest.self) {
            try await getVerification(defaulted($0), context: $1)
        }
        router.registerUnary(.cancelVerification, CancelVerificationRequest.self) {
            try await cancelVerification(defaulted($0), context: $1)
        }
        router.registerUnary(.createTotpFactor, CreateTotpFactorRequest.self) {
            try await createTotpFactor(defaulted($0), context: $1)
        }
        router.registerUnary(.verifyTotpFactor, VerifyTotpFactorRequest.self) {
            try await verifyTotpFactor(defaulted($0), context: $1)
        }
        router.registerUnary(.createTotpChallenge, CreateTotpChallengeRequest.self) {
            try await createTotpChallenge(defaulted($0), context: $1)
        }
        router.registerUnary(.checkTotpChallenge, CheckTotpChallengeRequest.self) {
            try await checkTotpChallenge(defaulted($0), context: $1)
        }
    }

    /// Sends a code, or re-sends the pending one.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields when the service is not `VA` + 32 hex
    ///   digits, the recipient or channel is missing, the channel is not sms, call, email or whatsapp, or a channel configuration
    ///   comes with another channel than email; otherwise what Twilio answered, mapped as in
    ///   docs/errors.md (60200 INVALID_ARGUMENT, 60203 RESOURCE_EXHAUSTED, 20404 NOT_FOUND).
    public func startVerification(
        _ request: StartVerificationRequest,
        context: RPCServerContext
    ) async throws -> Verification {
        try RequestValidation.validate(request)
        let twilioRequest = CreateVerificationRequest(
            to: request.to,
            channel: request.channel,
            customFriendlyName: request.customFriendlyName.isEmpty ? nil : request.customFriendlyName,
            locale: request.locale.isEmpty ? nil : request.locale,
            channelConfiguration: request.channelConfiguration.map(VerificationChannelConfiguration.init)
        )

        let verification = try await twilio.createVerification(
            serviceSID: request.serviceSID,
            twilioRequest,
            deadline: context.deadline,
            logger: context.logger
        )
        context.logger.info(
            "verify.verification.started",
            [
                "twilio.verification.sid": verification.sid, "twilio.verification.channel": request.channel,
                "to": Redaction.phoneNumber(request.to),
            ]
        )
        return Verification(verification)
    }

    /// Checks a code. A wrong code is an answer, not an error: status `pending`, `valid` false.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields when the service or the verification SID is
    ///   malformed, or the target or the code is missing; otherwise what Twilio answered (20404 NOT_FOUND once the verification is over,
    ///   60202 RESOURCE_EXHAUSTED after five checks, 60200 INVALID_ARGUMENT for a malformed code).
    public func checkVerification(
        _ request: CheckVerificationRequest,
        context: RPCServerContext
    ) async throws -> VerificationCheck {
        try RequestValidation.validate(request)
        let target: CreateVerificationCheckRequest.Target
        switch request.target {
        case .to(let to): target = .to(to)
        case .verificationSID(let sid): target = .verificationSID(sid)
        case nil: preconditionFailure("RequestValidation lets no request without a target through")
        }

        let check = try await twilio.createVerificationCheck(
            serviceSID: request.serviceSID,
            CreateVerificationCheckRequest(code: request.code, target: target),
            deadline: context.deadline,
            logger: context.logger
        )
        context.logger.info(
            "verify.verification.checked",
            ["twilio.verification.sid": check.sid, "twilio.verification.status": check.status ?? ""]
        )
        return VerificationCheck(check)
    }

    /// Fetches a pending verification.
    ///
    /// - Throws: INVALID_ARGUMENT when the service or the SID is not `VA`/`VE` + 32 hex digits;
    ///   NOT_FOUND (20404) for a verification that is approved, canceled, expired or unknown.
    public func getVerification(_ request: GetVerificationRequest, context: RPCServerContext) async throws
        -> Verification
    {
        try RequestValidation.validate(serviceSID: request.serviceSID, sid: request.sid)
        let verification = try await twilio.fetchVerification(
            serviceSID: request.serviceSID,
            sid: request.sid,
            deadline: context.deadline,
            logger: context.logger
        )
        return Verification(verification)
    }

    /// Cancels a pending verification (`Status=canceled`).
    ///
    /// - Throws: INVALID_ARGUMENT when the service or the SID is not `VA`/`VE` + 32 hex digits;
    ///   NOT_FOUND (20404) for a verification that is no longer pending.
    public func cancelVerification(_ request: CancelVerificationRequest, context: RPCServerContext) async throws
        -> Verification
    {
        try RequestValidation.validate(serviceSID: request.serviceSID, sid: request.sid)
        let verification = try await twilio.updateVerification(
            serviceSID: request.serviceSID,
            sid: request.sid,
            status: "canceled",
            deadline: context.deadline,
            logger: context.logger
        )
        context.logger.info(
            "verify.verification.canceled",
            ["twilio.verification.sid": verification.sid]
        )
        return Verification(verification)
    }
}
