internal import ServiceSupport
internal import TwilioREST

extension TwilioSandbox {
    /// Sets the webhook URLs of one of the accounts' numbers, as Twilio's console or the
    /// IncomingPhoneNumbers resource would.
    ///
    /// - Throws: ``TwilioSandboxError`` with code `invalidArgument` when no account owns `number`.
    public func configureWebhooks(_ webhooks: SandboxNumberWebhooks, forNumber number: String)
        throws(TwilioSandboxError)
    {
        guard accounts.contains(where: { $0.owns(number) }) else {
            throw TwilioSandboxError(
                code: .invalidArgument,
                message: "\(number) is not a number of a sandbox account; use one of \(ownedNumbers)"
            )
        }
        webhookSettings.set(webhooks, forNumber: number)
    }

    /// Sets the inbound request URL and status callback of a Messaging Service.
    ///
    /// - Throws: ``TwilioSandboxError`` with code `invalidArgument` for a service no account has.
    public func configureWebhooks(_ webhooks: SandboxServiceWebhooks, forMessagingService sid: String)
        throws(TwilioSandboxError)
    {
        guard accounts.contains(where: { $0.messagingServices.contains { $0.sid == sid } }) else {
            throw TwilioSandboxError(
                code: .invalidArgument,
                message: "\(sid) is not a Messaging Service of the sandbox"
            )
        }
        webhookSettings.set(webhooks, forService: sid)
    }

    /// Plays a person at `from` texting `body` to the sandbox number `to`: the sandbox posts
    /// Twilio's inbound message webhook, signed with the owning account's auth token, to the
    /// number's Messaging Service inbound request URL or else its `SmsUrl`, and returns the
    /// application's answer.
    ///
    /// The message is not kept as a resource of the Messages API, and a `<Message>` in the
    /// answer is not sent.
    ///
    /// - Throws: ``TwilioSandboxError`` with code `invalidArgument` when `from` is not E.164,
    ///   no account owns `to`, or `to` has no URL to post to.
    public func receiveMessage(from: String, to: String, body: String) async throws(TwilioSandboxError)
        -> SandboxInboundOutcome
    {
        let account = try inboundAccount(from: from, to: to)
        let service = account.messagingServices.first { $0.senders.contains(to) }
        let serviceWebhooks = service.flatMap { webhookSettings.service($0.sid) }
        let target: (url: String, method: String)
        if let url = serviceWebhooks?.inboundRequestURL {
            target = (url, serviceWebhooks?.inboundMethod ?? "POST")
        } else if let number = webhookSettings.number(to), let url = number.smsURL {
            target = (url, number.smsMethod)
        } else {
            throw TwilioSandboxError(
                code: .invalidArgument,
                message: "\(to) has no SMS URL (nor a Messaging Service inbound request URL) to post the message to"
            )
        }

        var random = SystemRandomNumberGenerator()
        let sid = SIDFormat.make(prefix: "SM", using: &random)
        let parameters = InboundParameters.message(
            sid: sid,
            account: account,
            from: from,
            to: to,
            body: body,
            messagingServiceSID: service?.sid
        )
        let outcome = await inboundSender.send(
            url: target.url,
            method: target.method,
            parameters: parameters,
            authToken: account.authToken
        )
        logger.debug("twilio.sandbox.inbound.message", ["twilio.message.sid": sid, "to": Redaction.phoneNumber(to)])
        return SandboxInboundOutcome(sid: sid, url: outcome.url, parameters: parameters, outcome)
    }

    /// Plays a person at `from` calling the sandbox number `to`: the sandbox posts Twilio's
    /// inbound call webhook (`CallStatus=ringing`) to the number's `VoiceUrl`, signed with the
    /// owning account's auth token, and returns the TwiML the application answered. When the
    /// number has a `StatusCallback`, the call then ends and `completed` is posted to it.
    ///
    /// The TwiML is not carried out; the call is not kept as a resource of the Calls API.
    ///
    /// - Throws: ``TwilioSandboxError`` with code `invalidArgument` when `from` is not E.164,
    ///   no account owns `to`, or `to` has no voice URL.
    public func receiveCall(from: String, to: String) async throws(TwilioSandboxError) -> SandboxInboundOutcome {
        let account = try inboundAccount(from: from, to: to)
        guard let webhooks = webhookSettings.number(to), let url = webhooks.voiceURL else {
            throw TwilioSandboxError(code: .invalidArgument, message: "\(to) has no voice URL to ask for TwiML")
        }

        var random = SystemRandomNumberGenerator()
        let sid = SIDFormat.make(prefix: "CA", using: &random)
        let parameters = InboundParameters.call(sid: sid, account: account, from: from, to: to, status: "ringing")
        let answer = await inboundSender.send(
            url: url,
            method: webhooks.voiceMethod,
            parameters: parameters,
            authToken: account.authToken
        )
        var result = SandboxInboundOutcome(sid: sid, url: answer.url, parameters: parameters, answer)
        if let statusCallback = webhooks.statusCallback {
            let completed =
                InboundParameters.call(sid: sid, account: account, from: from, to: to, status: "completed")
                + [FormField("CallDuration", "0"), FormField("Duration", "0")]
            let status = await inboundSender.send(
                url: statusCallback,
                method: "POST",
                parameters: completed,
                authToken: account.authToken
            )
            result.statusCallbackHTTPStatus = status.response?.status
        }
        logger.debug("twilio.sandbox.inbound.call", ["twilio.call.sid": sid, "to": Redaction.phoneNumber(to)])
        return result
    }

    private func inboundAccount(from: String, to: String) throws(TwilioSandboxError) -> SandboxAccount {
        guard PhoneNumberFormat.isE164(from) else {
            throw TwilioSandboxError(
                code: .invalidArgument,
                message: "from \(from) must be E.164, such as +14155550100"
            )
        }
        guard let account = accounts.first(where: { $0.owns(to) }) else {
            throw TwilioSandboxError(
                code: .invalidArgument,
                message: "\(to) is not a number of a sandbox account; use one of \(ownedNumbers)"
            )
        }
        return account
    }

    private var ownedNumbers: String {
        let numbers = accounts.flatMap { [SandboxAccount.magicSender] + $0.phoneNumbers }
        return Array(Set(numbers)).sorted().joined(separator: ", ")
    }
}

extension SandboxInboundOutcome {
    fileprivate init(sid: String, url: String, parameters: [FormField], _ outcome: WebhookSender.Outcome) {
        self.init(
            sid: sid,
            url: url,
            parameters: Dictionary(parameters.map { ($0.name, $0.value) }) { first, _ in first },
            httpStatus: outcome.response?.status,
            twiml: outcome.response.map { String(decoding: $0.body, as: UTF8.self) } ?? "",
            errorMessage: outcome.errorMessage,
            statusCallbackHTTPStatus: nil
        )
    }
}
