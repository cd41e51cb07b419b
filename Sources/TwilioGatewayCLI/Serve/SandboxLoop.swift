internal import ServiceSupport
internal import TwilioSandbox
internal import WebhookIntake

/// Points the sandbox's numbers and Messaging Services at the gateway's own webhooks, as one
/// would configure them at Twilio: `SmsUrl`, `VoiceUrl` and `StatusCallback` on every number,
/// the inbound request URL and `StatusCallback` on every service. The sandbox then signs with
/// its account's token what it sends there, and the gateway checks it.
enum SandboxLoop {
    static func connect(_ sandbox: TwilioSandbox, to base: WebhookBaseURL, logger: Logger) throws {
        let sms = base.url(of: .sms)
        let status = base.url(of: .status)
        for account in sandbox.accounts {
            for number in Set([SandboxAccount.magicSender] + account.phoneNumbers) {
                try sandbox.configureWebhooks(
                    SandboxNumberWebhooks(smsURL: sms, voiceURL: base.url(of: .voice), statusCallback: status),
                    forNumber: number
                )
            }
            for service in account.messagingServices {
                try sandbox.configureWebhooks(
                    SandboxServiceWebhooks(inboundRequestURL: sms, statusCallback: status),
                    forMessagingService: service.sid
                )
            }
        }
        logger.info("gateway.sandbox.webhooks_configured", ["webhook.base_url": base.text])
    }
}
