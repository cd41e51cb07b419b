public import GatewayAPI
public import RPCCore
internal import ServiceSupport
internal import TwilioREST

extension VerifyService {
    /// Creates an unverified TOTP factor; the answer carries the secret, which is never logged.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields when the service SID or the identity is
    ///   malformed, the name is missing, or the algorithm is not sha1, sha256 or sha512;
    ///   otherwise what Twilio answered (60200 INVALID_ARGUMENT for a value out of range).
    public func createTotpFactor(_ request: CreateTotpFactorRequest, context: RPCServerContext) async throws
        -> TotpFactor
    {
        try RequestValidation.validate(request)
        let twilioRequest = CreateFactorRequest(
            friendlyName: request.friendlyName,
            timeStep: request.timeStep == 0 ? nil : Int(request.timeStep),
            skew: request.skew.map(Int.init),
            codeLength: request.codeLength == 0 ? nil : Int(request.codeLength),
            algorithm: request.algorithm.isEmpty ? nil : request.algorithm
        )

        let factor = try await twilio.createFactor(
            serviceSID: request.serviceSID,
            identity: request.identity,
            twilioRequest,
            deadline: context.deadline,
            logger: context.logger
        )
        context.logger.info("verify.totp.factor_created", ["twilio.factor.sid": factor.sid])
        return TotpFactor(factor)
    }

    /// Verifies a new factor with a first code; a wrong code leaves it `unverified`.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields that are missing or malformed (SIDs are a
    ///   prefix and 32 hex digits, the identity 8 to 64 letters, digits and dashes); otherwise
    ///   what Twilio answered
    ///   (20404 NOT_FOUND for an unknown factor, 60310 RESOURCE_EXHAUSTED after five wrong codes).
    public func verifyTotpFactor(_ request: VerifyTotpFactorRequest, context: RPCServerContext) async throws
        -> TotpFactor
    {
        try RequestValidation.validate(request)
        let factor = try await twilio.updateFactor(
            serviceSID: request.serviceSID,
            identity: request.identity,
            sid: request.factorSID,
            authPayload: request.code,
            deadline: context.deadline,
            logger: context.logger
        )
        context.logger.info(
            "verify.totp.factor_checked",
            ["twilio.factor.sid": factor.sid, "twilio.factor.status": factor.status ?? ""]
        )
        return TotpFactor(factor)
    }

    /// Creates a challenge and checks the code given with it.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields that are missing or malformed (SIDs are a
    ///   prefix and 32 hex digits, the identity 8 to 64 letters, digits and dashes); otherwise
    ///   what Twilio answered
    ///   (20404 NOT_FOUND for an unknown factor, 60200 INVALID_ARGUMENT for a malformed code).
    public func createTotpChallenge(_ request: CreateTotpChallengeRequest, context: RPCServerContext) async throws
        -> TotpChallenge
    {
        try RequestValidation.validate(request)
        let challenge = try await twilio.createChallenge(
            serviceSID: request.serviceSID,
            identity: request.identity,
            factorSID: request.factorSID,
            authPayload: request.code.isEmpty ? nil : request.code,
            deadline: context.deadline,
            logger: context.logger
        )
        context.logger.info(
            "verify.totp.challenge_created",
            ["twilio.challenge.sid": challenge.sid, "twilio.challenge.status": challenge.status ?? ""]
        )
        return TotpChallenge(challenge)
    }

    /// Checks another code against a pending challenge.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields that are missing or malformed (SIDs are a
    ///   prefix and 32 hex digits, the identity 8 to 64 letters, digits and dashes); otherwise
    ///   what Twilio answered
    ///   (20404 NOT_FOUND for an unknown challenge, 60308 RESOURCE_EXHAUSTED after five wrong
    ///   codes).
    public func checkTotpChallenge(_ request: CheckTotpChallengeRequest, context: RPCServerContext) async throws
        -> TotpChallenge
    {
        try RequestValidation.validate(request)
        let challenge = try await twilio.updateChallenge(
            serviceSID: request.serviceSID,
            identity: request.identity,
            sid: request.challengeSID,
            authPayload: request.code,
            deadline: context.deadline,
            logger: context.logger
        )
        context.logger.info(
            "verify.totp.challenge_checked",
            ["twilio.challenge.sid": challenge.sid, "twilio.challenge.status": challenge.status ?? ""]
        )
        return TotpChallenge(challenge)
    }
}
