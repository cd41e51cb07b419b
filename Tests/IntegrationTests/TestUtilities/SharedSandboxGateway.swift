internal import Testing

/// A suite trait that starts one sandbox-mode gateway for every test of the suite and stops it
/// when the last one has run, whether the tests passed or not.
///
/// Tests reach it through ``current``. Sharing is safe because the sandbox keeps no state a
/// test could depend on: every send gets a fresh SID, and the tests only send.
struct SharedSandboxGateway: SuiteTrait, TestScoping {
    /// The gateway of the suite being run.
    @TaskLocal static var current: GatewayProcess?

    /// The running gateway; fails the test when it is used outside a suite with the trait.
    static func require() throws -> GatewayProcess {
        guard let current else {
            throw GatewayProcess.Failure(description: "the suite lacks the .sharedSandboxGateway trait")
        }
        return current
    }

    var isRecursive: Bool { false }

    func provideScope(
        for test: Test,
        testCase: Test.Case?,
        performing function: @Sendable () async throws -> Void
    ) async throws {
        try await withGateway { gateway in
            try await Self.$current.withValue(gateway) {
                try await function()
            }
        }
    }
}

extension Trait where Self == SharedSandboxGateway {
    /// One sandbox gateway shared by the suite's tests.
    static var sharedSandboxGateway: Self { Self() }
}
