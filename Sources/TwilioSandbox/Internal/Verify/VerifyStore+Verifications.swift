internal import GatewayCrypto
internal import Synchronization

extension VerifyStore {
    /// Which verification a check names.
    enum CheckTarget: Sendable {
        case to(String)
        case sid(String)
    }

    /// Starts a verification, or re-sends the code of the subject's pending one, and delivers
    /// the code to the recipient's inbox.
    ///
    /// - Throws: 60203 when ``VerifyRules/maximumSends`` codes went to the subject within
    ///   ``VerifyRules/sendWindow`` and none was approved since.
    func start(
        _ draft: VerificationDraft,
        accountSID: String,
        service: SandboxVerifyService,
        now: Double
    ) throws(TwilioError) -> VerificationRecord {
        let subject = Subject(serviceSID: service.sid, address: VerifyAddress.key(draft.to))
        return try state.withLock { state throws(TwilioError) in
            let recent = (state.sends[subject] ?? []).filter { now - $0 < VerifyRules.sendWindow }
            guard recent.count < VerifyRules.maximumSends else {
                throw .maximumSendsReached
            }
            state.sends[subject] = recent + [now]

            let attemptSID = state.makeSID("VL") { _ in false }
            let attempt = VerificationRecord.SendAttempt(sid: attemptSID, channel: draft.channel, time: now)
            var resent: VerificationRecord?
            if let sid = state.latest[subject], var latest = state.verifications[sid] {
                latest.expireIfDue(now: now)
                if latest.status == .pending {
                    latest.channel = draft.channel
                    latest.attempts.append(attempt)
                    latest.dateUpdated = now
                    resent = latest
                }
                state.verifications[sid] = latest
            }
            let record: VerificationRecord
            if let resent {
                record = resent
            } else {
                let taken = state.verifications
                record = VerificationRecord(
                    sid: state.makeSID("VE") { taken[$0] != nil },
                    accountSID: accountSID,
                    serviceSID: service.sid,
                    to: draft.to,
                    channel: draft.channel,
                    status: .pending,
                    code: Self.makeCode(digits: service.codeLength),
                    attempts: [attempt],
                    dateCreated: now,
                    dateUpdated: now
                )
            }
            state.verifications[record.sid] = record
            state.latest[subject] = record.sid
            state.deliveries.append(Self.delivery(of: record, draft: draft, service: service, now: now))
            return record
        }
    }

    /// Checks `code` against the verification `target` names.
    ///
    /// A wrong code counts as a check and leaves the verification `pending`; the right one
    /// approves it and completes the subject's lifecycle, which resets its send limit.
    ///
    /// - Throws: 20404 naming `path` when no such verification is pending; 60202 when it was
    ///   already checked ``VerifyRules/maximumChecks`` times.
    func check(
        _ target: CheckTarget,
        code: String,
        serviceSID: String,
        path: String,
        now: Double
    ) throws(TwilioError) -> VerificationRecord {
        try state.withLock { state throws(TwilioError) in
            let sid: String? =
                switch target {
                case .to(let to): state.latest[Subject(serviceSID: serviceSID, address: VerifyAddress.key(to))]
                case .sid(let sid): sid
                }
            guard let sid, var record = state.verifications[sid], record.serviceSID == serviceSID else {
                throw .verifyNotFound(path)
            }
            record.expireIfDue(now: now)
            defer { state.verifications[sid] = record }

            switch record.status {
            case .approved, .canceled, .expired:
                throw .verifyNotFound(path)
            case .maxAttemptsReached:
                throw .maximumChecksReached
            case .pending:
                break
            }
            guard record.checks < VerifyRules.maximumChecks else {
                record.status = .maxAttemptsReached
                record.dateUpdated = now
                throw .maximumChecksReached
            }
            record.checks += 1
            record.dateUpdated = now
            if HMAC.constantTimeEqual(Array(code.utf8), Array(record.code.utf8)) {
                record.status = .approved
                state.sends[Subject(serviceSID: serviceSID, address: VerifyAddress.key(record.to))] = nil
            }
            return record
        }
    }

    /// The verification with `sid` while it is pending (or exhausted but not yet expired).
    ///
    /// - Throws: 20404 naming `path` otherwise.
    func fetch(sid: String, serviceSID: String, path: String, now: Double) throws(TwilioError) -> VerificationRecord {
        try state.withLock { state throws(TwilioError) in
            guard var record = state.verifications[sid], record.serviceSID == serviceSID else {
                throw .verifyNotFound(path)
            }
            record.expireIfDue(now: now)
            state.verifications[sid] = record
            guard record.status == .pending || record.status == .maxAttemptsReached else {
                throw .verifyNotFound(path)
            }
            return record
        }
    }

    /// Ends a pending verification as `canceled` or `approved`; approving it resets the
    /// subject's send limit.
    ///
    /// - Throws: 20404 naming `path` when it is not pending.
    func finish(
        sid: String,
        as status: VerificationRecord.Status,
        serviceSID: String,
        path: String,
        now: Double
    ) throws(TwilioError) -> VerificationRecord {
        try state.withLock { state throws(TwilioError) in
            guard var record = state.verifications[sid], record.serviceSID == serviceSID else {
                throw .verifyNotFound(path)
            }
            record.expireIfDue(now: now)
            guard record.status == .pending else {
                state.verifications[sid] = record
                throw .verifyNotFound(path)
            }
            record.status = status
            record.dateUpdated = now
            state.verifications[sid] = record
            if status == .approved {
                state.sends[Subject(serviceSID: serviceSID, address: VerifyAddress.key(record.to))] = nil
            }
            return record
        }
    }

    /// `digits` decimal digits from `SystemRandomNumberGenerator`, each drawn uniformly.
    private static func makeCode(digits: Int) -> String {
        var random = SystemRandomNumberGenerator()
        return String((0..<digits).map { _ in Character(String(Int.random(in: 0...9, using: &random))) })
    }

    private static func delivery(
        of record: VerificationRecord,
        draft: VerificationDraft,
        service: SandboxVerifyService,
        now: Double
    ) -> SandboxDelivery {
        let name = draft.customFriendlyName ?? service.friendlyName
        return SandboxDelivery(
            sid: record.sid,
            accountSID: record.accountSID,
            channel: draft.channel,
            to: draft.to,
            from: draft.channel == "email" ? VerificationText.emailSender(draft.email, name: name) : nil,
            body: VerificationText.body(channel: draft.channel, name: name, code: record.code),
            code: record.code,
            locale: draft.locale,
            date: now
        )
    }
}
