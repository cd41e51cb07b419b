internal import GatewayAPI
internal import TwilioREST

extension Verification {
    /// The gateway's view of a verification Twilio reported.
    init(_ verification: TwilioVerification) {
        self.init(
            sid: verification.sid,
            status: verification.status ?? "",
            to: verification.to ?? "",
            channel: verification.channel ?? "",
            serviceSID: verification.serviceSID ?? "",
            valid: verification.valid ?? false,
            accountSID: verification.accountSID ?? "",
            sendCodeAttempts: verification.sendCodeAttempts.map { attempt in
                VerificationSendAttempt(
                    attemptSID: attempt.attemptSID ?? "",
                    channel: attempt.channel ?? "",
                    time: attempt.time ?? ""
                )
            },
            dateCreated: verification.dateCreated ?? "",
            dateUpdated: verification.dateUpdated ?? ""
        )
    }
}

extension VerificationCheck {
    /// The gateway's view of a check Twilio answered.
    init(_ check: TwilioVerificationCheck) {
        self.init(
            sid: check.sid,
            status: check.status ?? "",
            valid: check.valid ?? false,
            to: check.to ?? "",
            channel: check.channel ?? "",
            serviceSID: check.serviceSID ?? "",
            accountSID: check.accountSID ?? "",
            dateCreated: check.dateCreated ?? "",
            dateUpdated: check.dateUpdated ?? ""
        )
    }
}

extension VerificationChannelConfiguration {
    /// Twilio's `ChannelConfiguration` for the gateway's email settings; empty fields are left out.
    init(_ configuration: EmailChannelConfiguration) {
        self.init(
            from: configuration.from.isEmpty ? nil : configuration.from,
            fromName: configuration.fromName.isEmpty ? nil : configuration.fromName,
            templateID: configuration.templateID.isEmpty ? nil : configuration.templateID,
            substitutions: configuration.substitutions
        )
    }
}

extension TotpFactor {
    /// The gateway's view of a factor Twilio reported.
    init(_ factor: TwilioFactor) {
        self.init(
            sid: factor.sid,
            status: factor.status ?? "",
            identity: factor.identity ?? "",
            entitySID: factor.entitySID ?? "",
            friendlyName: factor.friendlyName ?? "",
            serviceSID: factor.serviceSID ?? "",
            accountSID: factor.accountSID ?? "",
            bindingSecret: factor.binding?.secret ?? "",
            bindingURI: factor.binding?.uri ?? "",
            timeStep: Int32(clamping: factor.config?.timeStep ?? 0),
            skew: Int32(clamping: factor.config?.skew ?? 0),
            codeLength: Int32(clamping: factor.config?.codeLength ?? 0),
            algorithm: factor.config?.algorithm ?? "",
            dateCreated: factor.dateCreated ?? "",
            dateUpdated: factor.dateUpdated ?? ""
        )
    }
}

extension TotpChallenge {
    /// The gateway's view of a challenge Twilio reported.
    init(_ challenge: TwilioChallenge) {
        self.init(
            sid: challenge.sid,
            status: challenge.status ?? "",
            respondedReason: challenge.respondedReason ?? "",
            factorSID: challenge.factorSID ?? "",
            identity: challenge.identity ?? "",
            entitySID: challenge.entitySID ?? "",
            serviceSID: challenge.serviceSID ?? "",
            accountSID: challenge.accountSID ?? "",
            dateCreated: challenge.dateCreated ?? "",
            dateUpdated: challenge.dateUpdated ?? "",
            dateResponded: challenge.dateResponded ?? "",
            expirationDate: challenge.expirationDate ?? ""
        )
    }
}
