internal import GatewayCrypto
internal import Synchronization

extension VerifyStore {
    /// Creates an unverified TOTP factor for `identity`, and the identity's entity with its
    /// first factor.
    func createFactor(
        _ draft: FactorDraft,
        identity: String,
        accountSID: String,
        serviceSID: String,
        now: Double
    ) -> FactorRecord {
        let secret = draft.secret ?? Self.makeSecret()
        return state.withLock { state in
            let key = EntityKey(serviceSID: serviceSID, identity: identity)
            let entitySID: String
            if let known = state.entities[key] {
                entitySID = known
            } else {
                let taken = Set(state.entities.values)
                entitySID = state.makeSID("YE") { taken.contains($0) }
                state.entities[key] = entitySID
            }
            let factors = state.factors
            let factor = FactorRecord(
                sid: state.makeSID("YF") { factors[$0] != nil },
                accountSID: accountSID,
                serviceSID: serviceSID,
                entitySID: entitySID,
                identity: identity,
                friendlyName: draft.friendlyName,
                secret: secret.text,
                secretBytes: secret.bytes,
                timeStep: draft.timeStep,
                skew: draft.skew,
                codeLength: draft.codeLength,
                algorithm: draft.algorithm,
                dateCreated: now,
                dateUpdated: now
            )
            state.factors[factor.sid] = factor
            return factor
        }
    }

    /// Verifies an unverified factor when `code` is its code now; a verified factor is
    /// returned as it is. A wrong code answers 200 with the factor still `unverified`, as a
    /// wrong challenge code leaves the challenge `pending`; the reference lists 60311 (403) for
    /// a failed verification but marks that unconfirmed, so this is the sandbox's choice.
    ///
    /// - Throws: 20404 naming `path` for a factor the identity does not have; 60310 once
    ///   ``VerifyRules/maximumTotpAttempts`` wrong codes were given.
    func verifyFactor(
        sid: String,
        code: String,
        identity: String,
        serviceSID: String,
        path: String,
        now: Double
    ) throws(TwilioError) -> FactorRecord {
        try state.withLock { state throws(TwilioError) in
            guard var factor = state.factors[sid], factor.serviceSID == serviceSID, factor.identity == identity else {
                throw .verifyNotFound(path)
            }
            guard !factor.isVerified else {
                return factor
            }
            guard factor.failedAttempts < VerifyRules.maximumTotpAttempts else {
                throw .maximumFactorAttemptsReached
            }
            if factor.accepts(code, now: now) {
                factor.isVerified = true
            } else {
                factor.failedAttempts += 1
            }
            factor.dateUpdated = now
            state.factors[sid] = factor
            return factor
        }
    }

    /// Creates a challenge of a verified factor, approved at once when `code` is right.
    ///
    /// - Throws: 20404 naming `path` for a factor the identity does not have; 60200 when the
    ///   factor is not verified yet (Twilio's code for that case is not in the reference, so
    ///   60200 is the sandbox's choice).
    func createChallenge(
        factorSID: String,
        code: String?,
        identity: String,
        serviceSID: String,
        path: String,
        now: Double
    ) throws(TwilioError) -> ChallengeRecord {
        try state.withLock { state throws(TwilioError) in
            guard let factor = state.factors[factorSID], factor.serviceSID == serviceSID, factor.identity == identity
            else {
                throw .verifyNotFound(path)
            }
            guard factor.isVerified else {
                throw .invalidParameter("FactorSid", "the factor must be verified before it can be challenged")
            }
            let challenges = state.challenges
            var challenge = ChallengeRecord(
                sid: state.makeSID("YC") { challenges[$0] != nil },
                accountSID: factor.accountSID,
                serviceSID: serviceSID,
                entitySID: factor.entitySID,
                identity: identity,
                factorSID: factorSID,
                dateCreated: now,
                dateUpdated: now,
                expirationDate: now + VerifyRules.challengeLifetime
            )
            if let code {
                Self.answer(&challenge, with: code, factor: factor, now: now)
            }
            state.challenges[challenge.sid] = challenge
            return challenge
        }
    }

    /// Answers a pending challenge with `code`; one that is no longer pending is returned as it is.
    ///
    /// - Throws: 20404 naming `path` for a challenge the identity does not have; 60308 once
    ///   ``VerifyRules/maximumTotpAttempts`` wrong codes were given.
    func answerChallenge(
        sid: String,
        code: String,
        identity: String,
        serviceSID: String,
        path: String,
        now: Double
    ) throws(TwilioError) -> ChallengeRecord {
        try state.withLock { state throws(TwilioError) in
            guard var challenge = state.challenges[sid], challenge.serviceSID == serviceSID,
                challenge.identity == identity, let factor = state.factors[challenge.factorSID]
            else {
                throw .verifyNotFound(path)
            }
            challenge.expireIfDue(now: now)
            defer { state.challenges[sid] = challenge }
            guard challenge.status == .pending else {
                return challenge
            }
            guard challenge.failedAttempts < VerifyRules.maximumTotpAttempts else {
                throw .maximumChallengeAttemptsReached
            }
            Self.answer(&challenge, with: code, factor: factor, now: now)
            return challenge
        }
    }

    private static func answer(_ challenge: inout ChallengeRecord, with code: String, factor: FactorRecord, now: Double)
    {
        challenge.dateUpdated = now
        if factor.accepts(code, now: now) {
            challenge.status = .approved
            challenge.dateResponded = now
        } else {
            challenge.failedAttempts += 1
        }
    }

    /// A new secret of ``VerifyRules/secretLength`` bytes from `SecureRandom`, in Base32.
    private static func makeSecret() -> (text: String, bytes: [UInt8]) {
        let bytes = SecureRandom.bytes(VerifyRules.secretLength)
        return (Base32.encode(bytes), bytes)
    }
}
