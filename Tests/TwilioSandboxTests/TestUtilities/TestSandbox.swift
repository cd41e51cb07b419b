import Foundation
import ServiceSupport
import Testing
import TwilioSandbox

/// Runs `body` with a started sandbox, then stops it.
func withSandbox<T>(
    _ configuration: TwilioSandbox.Configuration = TwilioSandbox.Configuration(),
    _ body: (TwilioSandbox) async throws -> T
) async throws -> T {
    let sandbox = try TwilioSandbox(configuration: configuration)
    try sandbox.start()
    do {
        let result = try await body(sandbox)
        await stopOffThread(sandbox)
        return result
    } catch {
        await stopOffThread(sandbox)
        throw error
    }
}

/// Calls the blocking `stop()` on a thread of its own.
func stopOffThread(_ sandbox: TwilioSandbox) async {
    await withCheckedContinuation { continuation in
        Thread.detachNewThread {
            sandbox.stop()
            continuation.resume()
        }
    }
}

/// A fixed account, so tests can build paths and credentials up front.
let fixedAccount = SandboxAccount(
    sid: "AC0123456789abcdef0123456789abcdef",
    authToken: "0123456789abcdef0123456789abcdef",
    phoneNumbers: ["+15005550010"],
    messagingServices: [SandboxMessagingService(sid: "MG00112233445566778899aabbccddeeff", senders: ["+15005550011"])]
)

/// A second account, to check that one account cannot reach another's resources.
let otherAccount = SandboxAccount(
    sid: "ACfedcba9876543210fedcba9876543210",
    authToken: "fedcba9876543210fedcba9876543210"
)

/// A sandbox configuration with both fixed accounts and a fixed clock (2025-01-01 12:00:00 GMT),
/// where messages keep their first status (tests of the lifecycle set their own timings).
func fixedConfiguration(faults: SandboxFaults = .none) -> TwilioSandbox.Configuration {
    TwilioSandbox.Configuration(
        accounts: [fixedAccount, otherAccount],
        faults: faults,
        randomSeed: 42,
        wallClock: { 1_735_732_800 },
        messageTimings: .frozen
    )
}
