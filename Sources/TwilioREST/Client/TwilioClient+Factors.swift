public import ServiceSupport

extension TwilioClient {
    /// Creates an unverified TOTP factor:
    /// `POST {verifyBaseURL}/v2/Services/{ServiceSid}/Entities/{Identity}/Factors`.
    ///
    /// The entity is created with its first factor. The answer is the only one that carries the
    /// factor's secret (``TwilioFactor/binding``).
    ///
    /// - Parameters:
    ///   - serviceSID: The Verify Service, `VA…`; it is percent-encoded into the path, as are the
    ///     identity and the other SIDs below.
    ///   - identity: Your identifier of the user: 8 to 64 letters, digits and dashes.
    ///   - request: The factor's name and code settings.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The new factor, `unverified`, with its secret.
    /// - Throws: ``TwilioAPIError`` (60200 for an invalid parameter), ``TwilioTransportError``,
    ///   `CancellationError`, or the credential source's error.
    public func createFactor(
        serviceSID: String,
        identity: String,
        _ request: CreateFactorRequest,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioFactor {
        let operation = TwilioOperation(
            name: "factors.create",
            method: .post,
            service: .verify,
            path: entityPath(serviceSID: serviceSID, identity: identity) + [.literal("/Factors")],
            fields: request.formFields
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioFactor.self, from: response, operation: operation)
    }

    /// Verifies a factor with a first code:
    /// `POST {verifyBaseURL}/v2/Services/{ServiceSid}/Entities/{Identity}/Factors/{Sid}` with
    /// `AuthPayload`.
    ///
    /// - Parameters:
    ///   - serviceSID: The Verify Service, `VA…`.
    ///   - identity: The identity the factor belongs to.
    ///   - sid: The factor, `YF…`.
    ///   - authPayload: The code the authenticator app shows.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The factor: `verified` when the code was right, still `unverified` otherwise.
    /// - Throws: ``TwilioAPIError`` (20404 for an unknown factor, 60310 after too many wrong
    ///   codes), ``TwilioTransportError``, `CancellationError`, or the credential source's error.
    public func updateFactor(
        serviceSID: String,
        identity: String,
        sid: String,
        authPayload: String,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioFactor {
        let operation = TwilioOperation(
            name: "factors.update",
            method: .post,
            service: .verify,
            path: entityPath(serviceSID: serviceSID, identity: identity) + [.literal("/Factors/"), .value(sid)],
            fields: [FormField("AuthPayload", authPayload)]
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioFactor.self, from: response, operation: operation)
    }

    /// Creates a challenge for a factor, optionally answering it at once:
    /// `POST {verifyBaseURL}/v2/Services/{ServiceSid}/Entities/{Identity}/Challenges`.
    ///
    /// - Parameters:
    ///   - serviceSID: The Verify Service, `VA…`.
    ///   - identity: The identity the factor belongs to.
    ///   - factorSID: The verified factor to challenge, `YF…`.
    ///   - authPayload: The TOTP code, 3 to 8 digits, or `nil` to leave the challenge pending.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The challenge: `approved` when the code was right, `pending` otherwise.
    /// - Throws: ``TwilioAPIError`` (20404 for an unknown factor, 60200 for an invalid
    ///   parameter), ``TwilioTransportError``, `CancellationError`, or the credential source's
    ///   error.
    public func createChallenge(
        serviceSID: String,
        identity: String,
        factorSID: String,
        authPayload: String?,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioChallenge {
        var fields = [FormField("FactorSid", factorSID)]
        if let authPayload {
            fields.append(FormField("AuthPayload", authPayload))
        }
        let operation = TwilioOperation(
            name: "challenges.create",
            method: .post,
            service: .verify,
            path: entityPath(serviceSID: serviceSID, identity: identity) + [.literal("/Challenges")],
            fields: fields
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioChallenge.self, from: response, operation: operation)
    }

    /// Answers a pending challenge:
    /// `POST {verifyBaseURL}/v2/Services/{ServiceSid}/Entities/{Identity}/Challenges/{Sid}` with
    /// `AuthPayload`.
    ///
    /// - Parameters:
    ///   - serviceSID: The Verify Service, `VA…`.
    ///   - identity: The identity the challenge belongs to.
    ///   - sid: The challenge, `YC…`.
    ///   - authPayload: The TOTP code, 3 to 8 digits.
    ///   - deadline: When the caller needs the answer by.
    ///   - logger: The logger for this request.
    /// - Returns: The challenge: `approved` when the code was right, `pending` otherwise.
    /// - Throws: ``TwilioAPIError`` (20404 for an unknown challenge, 60308 after too many wrong
    ///   codes), ``TwilioTransportError``, `CancellationError`, or the credential source's error.
    public func updateChallenge(
        serviceSID: String,
        identity: String,
        sid: String,
        authPayload: String,
        deadline: ContinuousClock.Instant? = nil,
        logger: Logger? = nil
    ) async throws -> TwilioChallenge {
        let operation = TwilioOperation(
            name: "challenges.update",
            method: .post,
            service: .verify,
            path: entityPath(serviceSID: serviceSID, identity: identity) + [.literal("/Challenges/"), .value(sid)],
            fields: [FormField("AuthPayload", authPayload)]
        )
        let response = try await perform(operation, deadline: deadline, logger: logger)
        return try decode(TwilioChallenge.self, from: response, operation: operation)
    }

    private func entityPath(serviceSID: String, identity: String) -> [TwilioOperation.PathPart] {
        [.literal("/v2/Services/"), .value(serviceSID), .literal("/Entities/"), .value(identity)]
    }
}
