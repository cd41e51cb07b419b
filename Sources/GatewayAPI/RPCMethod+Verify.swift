public import RPCCore

extension RPCMethod {
    /// `twilio.gateway.v1.Verify/GetVerification`: ``GetVerificationRequest`` to ``Verification``.
    public static let getVerification = RPCMethod(service: "twilio.gateway.v1.Verify", name: "GetVerification")
    /// `twilio.gateway.v1.Verify/CancelVerification`: ``CancelVerificationRequest`` to ``Verification``.
    public static let cancelVerification = RPCMethod(service: "twilio.gateway.v1.Verify", name: "CancelVerification")
    /// `twilio.gateway.v1.Verify/CreateTotpFactor`: ``CreateTotpFactorRequest`` to ``TotpFactor``.
    public static let createTotpFactor = RPCMethod(service: "twilio.gateway.v1.Verify", name: "CreateTotpFactor")
    /// `twilio.gateway.v1.Verify/VerifyTotpFactor`: ``VerifyTotpFactorRequest`` to ``TotpFactor``.
    public static let verifyTotpFactor = RPCMethod(service: "twilio.gateway.v1.Verify", name: "VerifyTotpFactor")
    /// `twilio.gateway.v1.Verify/CreateTotpChallenge`: ``CreateTotpChallengeRequest`` to ``TotpChallenge``.
    public static let createTotpChallenge = RPCMethod(service: "twilio.gateway.v1.Verify", name: "CreateTotpChallenge")
    /// `twilio.gateway.v1.Verify/CheckTotpChallenge`: ``CheckTotpChallengeRequest`` to ``TotpChallenge``.
    public static let checkTotpChallenge = RPCMethod(service: "twilio.gateway.v1.Verify", name: "CheckTotpChallenge")
}
