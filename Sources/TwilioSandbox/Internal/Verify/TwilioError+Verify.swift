extension TwilioError {
    /// 60200, a Verify parameter that is missing or invalid, in Twilio's words; `reason`, what
    /// the sandbox checked, goes in `detail`.
    static func invalidParameter(_ name: String, _ reason: String) -> TwilioError {
        TwilioError(code: 60200, message: "Invalid parameter: \(name)", status: 400, detail: reason)
    }

    /// 20404 for a Verify path, which Twilio names without the `/v2` version prefix.
    static func verifyNotFound(_ path: String) -> TwilioError {
        notFound(path.hasPrefix("/v2/") ? String(path.dropFirst(3)) : path)
    }

    /// 60202: the verification was checked ``VerifyRules/maximumChecks`` times.
    static let maximumChecksReached = TwilioError(
        code: 60202,
        message: "Max check attempts reached",
        status: 429
    )

    /// 60203: too many codes went to one recipient without a verification being approved.
    static let maximumSendsReached = TwilioError(
        code: 60203,
        message: "Max send attempts reached",
        status: 429
    )

    /// 60308: a challenge got ``VerifyRules/maximumTotpAttempts`` wrong codes.
    static let maximumChallengeAttemptsReached = TwilioError(
        code: 60308,
        message: "Max attempts reached for this Challenge",
        status: 429
    )

    /// 60310: a factor's verification got ``VerifyRules/maximumTotpAttempts`` wrong codes.
    static let maximumFactorAttemptsReached = TwilioError(
        code: 60310,
        message: "Max attempts reached to verify this Factor",
        status: 429
    )
}
