public import ServiceSupport

extension TwilioSandbox {
    /// The accounts, faults and port of a ``TwilioSandbox``.
    public struct Configuration: Sendable {
        /// The TCP port on 127.0.0.1; 0 lets the system choose (read it from ``TwilioSandbox/baseURL``).
        public var port: Int
        /// The accounts the sandbox accepts; the first is ``TwilioSandbox/account``.
        public var accounts: [SandboxAccount]
        /// The failures to inject; ``TwilioSandbox/setFaults(_:)`` changes them while running.
        public var faults: SandboxFaults
        /// Makes the SIDs of created resources repeat from run to run; `nil` uses system randomness.
        public var randomSeed: UInt64?
        /// The wall clock for `date_created` and friends, in seconds since 1970.
        public var wallClock: @Sendable () -> Double
        /// How long calls stay in each step of their life.
        public var callTimings: SandboxCallTimings
        /// The only hosts the sandbox sends callbacks to and fetches TwiML from, compared
        /// without regard to case; a URL naming another host is not contacted and its delivery
        /// is recorded as failed. Loopback only by default.
        public var outboundHosts: Set<String>
        /// How fast messages move from status to status.
        public var messageTimings: SandboxMessageTimings
        /// How many of the newest requests ``TwilioSandbox/receivedRequests`` keeps; older ones
        /// are dropped so a long-running sandbox does not grow without bound. Messages and
        /// calls themselves are still all kept.
        public var requestLogLimit: Int
        /// A PEM file of certificates the sandbox trusts, each by itself, on top of the
        /// system's store when it calls `https` URLs (status callbacks, inbound webhooks,
        /// TwiML fetches): give a receiver's own certificate chain file so that a self-signed
        /// or privately issued certificate verifies. `nil` trusts the system's store alone.
        /// The receiver must still prove the host of the URL.
        public var additionalTrustedCertificatesPath: String?

        /// Creates a configuration.
        ///
        /// - Parameters:
        ///   - port: The TCP port on 127.0.0.1, or 0 for any.
        ///   - accounts: The accounts to accept; by default one with a random SID and token.
        ///   - faults: The failures to inject; none by default.
        ///   - randomSeed: Fixes the sequence of created SIDs, or `nil` for system randomness.
        ///   - wallClock: The clock for resource dates and `SendAt`.
        ///   - callTimings: How long calls stay in each step.
        ///   - outboundHosts: The hosts callbacks and TwiML fetches may go to.
        ///   - messageTimings: How fast messages move from status to status.
        ///   - requestLogLimit: How many of the newest requests the request log keeps.
        ///   - additionalTrustedCertificatesPath: Certificates trusted by themselves for
        ///     `https` URLs, on top of the system's store; none by default.
        public init(
            port: Int = 0,
            accounts: [SandboxAccount] = [SandboxAccount.generate()],
            faults: SandboxFaults = .none,
            randomSeed: UInt64? = nil,
            wallClock: @escaping @Sendable () -> Double = { Timestamp.now() },
            callTimings: SandboxCallTimings = SandboxCallTimings(),
            outboundHosts: Set<String> = ["127.0.0.1", "::1", "localhost"],
            messageTimings: SandboxMessageTimings = .standard,
            requestLogLimit: Int = 200_000,
            additionalTrustedCertificatesPath: String? = nil
        ) {
            self.port = port
            self.accounts = accounts
            self.faults = faults
            self.randomSeed = randomSeed
            self.wallClock = wallClock
            self.callTimings = callTimings
            self.outboundHosts = outboundHosts
            self.messageTimings = messageTimings
            self.requestLogLimit = requestLogLimit
            self.additionalTrustedCertificatesPath = additionalTrustedCertificatesPath
        }

        /// Throws when a value is unusable.
        func validate() throws(TwilioSandboxError) {
            try Self.require((0...65535).contains(port), "port \(port) must be 0...65535 (0 picks any free port)")
            try Self.require(requestLogLimit > 0, "requestLogLimit \(requestLogLimit) must be positive")
            try Self.require(!accounts.isEmpty, "accounts must hold at least one account")
            try Self.require(
                Set(accounts.map(\.sid)).count == accounts.count,
                "accounts must have distinct SIDs"
            )
            let verifyServiceSIDs = accounts.flatMap { $0.verifyServices.map(\.sid) }
            try Self.require(
                Set(verifyServiceSIDs).count == verifyServiceSIDs.count,
                "Verify Service SIDs must be distinct across accounts"
            )
            for account in accounts {
                try Self.validate(account)
            }
            try Self.validate(faults)
            try Self.validate(callTimings)
            try Self.validate(messageTimings)
        }

        private static func validate(_ timings: SandboxCallTimings) throws(TwilioSandboxError) {
            let steps = [timings.queued, timings.initiated, timings.ringing, timings.inProgress]
            try require(steps.allSatisfy { $0 >= .zero }, "callTimings must not hold negative durations")
        }

        private static func validate(_ timings: SandboxMessageTimings) throws(TwilioSandboxError) {
            let steps = [
                timings.acceptedToQueued, timings.queuedToSending, timings.sendingToSent, timings.sentToDelivered,
            ]
            try require(steps.allSatisfy { $0 >= .zero }, "messageTimings steps must not be negative")
            try require(timings.schedulerInterval > .zero, "messageTimings.schedulerInterval must be positive")
        }

        static func validate(_ faults: SandboxFaults) throws(TwilioSandboxError) {
            try require(
                (0...1).contains(faults.rateLimitFraction),
                "faults.rateLimitFraction \(faults.rateLimitFraction) must be 0...1"
            )
            try require(faults.responseDelay >= .zero, "faults.responseDelay must not be negative")
        }

        private static func validate(_ account: SandboxAccount) throws(TwilioSandboxError) {
            try require(
                SIDFormat.isValid(account.sid, prefix: "AC"),
                "account SID \(account.sid) must be AC followed by 32 hex digits"
            )
            try require(!account.authToken.isEmpty, "the auth token of account \(account.sid) must not be empty")
            for number in account.phoneNumbers + account.messagingServices.flatMap(\.senders) {
                try require(
                    PhoneNumberFormat.isE164(number),
                    "phone number \(number) of account \(account.sid) must be E.164, such as +15005550010"
                )
            }
            for service in account.messagingServices {
                try require(
                    SIDFormat.isValid(service.sid, prefix: "MG"),
                    "Messaging Service SID \(service.sid) must be MG followed by 32 hex digits"
                )
            }
            for service in account.verifyServices {
                try validate(service)
            }
        }

        private static func validate(_ service: SandboxVerifyService) throws(TwilioSandboxError) {
            try require(
                SIDFormat.isValid(service.sid, prefix: "VA"),
                "Verify Service SID \(service.sid) must be VA followed by 32 hex digits"
            )
            try require(
                (1...30).contains(service.friendlyName.count),
                "the friendly name of Verify Service \(service.sid) must have 1 to 30 characters"
            )
            try require(
                (4...10).contains(service.codeLength),
                "the code length of Verify Service \(service.sid) must be 4...10, not \(service.codeLength)"
            )
        }

        private static func require(_ condition: Bool, _ message: String) throws(TwilioSandboxError) {
            guard condition else {
                throw TwilioSandboxError(
                    code: .invalidConfiguration,
                    message: "Invalid TwilioSandbox configuration: " + message
                )
            }
        }
    }
}
