internal import Testing

/// A suite trait that starts a recording server answering like Twilio and one live-mode gateway
/// pointed at it, shared by the suite's tests and stopped after the last.
///
/// Tests tell their requests apart by a body text of their own.
struct SharedRecordingTwilio: SuiteTrait, TestScoping {
    /// The recording server and the gateway that sends to it.
    struct Pair: Sendable {
        var twilio: RecordingServer
        var gateway: GatewayProcess

        /// Both, for destructuring: `let (twilio, gateway) = try SharedRecordingTwilio.require().both`.
        var both: (RecordingServer, GatewayProcess) {
            (twilio, gateway)
        }
    }

    @TaskLocal static var current: Pair?

    /// The running pair; fails the test when it is used outside a suite with the trait.
    static func require() throws -> Pair {
        guard let current else {
            throw GatewayProcess.Failure(description: "the suite lacks the .sharedRecordingTwilio trait")
        }
        return current
    }

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withRecordingServer(TwilioFixtures.answeringQueued()) { twilio in
            try await withGateway(environment: TwilioFixtures.environment(baseURL: twilio.baseURL)) { gateway in
                try await Self.$current.withValue(Pair(twilio: twilio, gateway: gateway)) {
                    try await function()
                }
            }
        }
    }
}

extension Trait where Self == SharedRecordingTwilio {
    /// One recording Twilio and one gateway using it, shared by the suite's tests.
    static var sharedRecordingTwilio: Self { Self() }
}
