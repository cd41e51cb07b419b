public import GatewayAPI
public import RPCCore

extension GatewayClient {
    /// Fetches a pending verification; NOT_FOUND once it is approved, canceled or expired.
    public func getVerification(
        _ request: GetVerificationRequest,
        options: RPCCallOptions? = nil
    ) async throws -> Verification {
        try await unary(.getVerification, request, options)
    }

    /// Cancels a pending verification.
    public func cancelVerification(
        _ request: CancelVerificationRequest,
        options: RPCCallOptions? = nil
    ) async throws -> Verification {
        try await unary(.cancelVerification, request, options)
    }

    /// Creates an unverified TOTP factor; the answer carries its secret.
    public func createTotpFactor(
        _ request: CreateTotpFactorRequest,
        options: RPCCallOptions? = nil
    ) async throws -> TotpFactor {
        try await unary(.createTotpFactor, request, options)
    }

    /// Verifies a new TOTP factor with a first code.
    public func verifyTotpFactor(
        _ request: VerifyTotpFactorRequest,
        options: RPCCallOptions? = nil
    ) async throws -> TotpFactor {
        try await unary(.verifyTotpFactor, request, options)
    }

    /// Creates a challenge of a verified TOTP factor and checks the code given with it.
    public func createTotpChallenge(
        _ request: CreateTotpChallengeRequest,
        options: RPCCallOptions? = nil
    ) async throws -> TotpChallenge {
        try await unary(.createTotpChallenge, request, options)
    }

    /// Checks another code against a pending TOTP challenge.
    public func checkTotpChallenge(
        _ request: CheckTotpChallengeRequest,
        options: RPCCallOptions? = nil
    ) async throws -> TotpChallenge {
        try await unary(.checkTotpChallenge, request, options)
    }
}
