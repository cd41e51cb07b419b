import Foundation
import GatewayTestSupport
import Testing
import TwilioREST
import TwilioSandbox

/// Runs `body` with a started sandbox (fixed accounts and clock, the given call timings) and
/// a ``TwilioClient`` for its first account, then stops the sandbox.
func withCallSandbox(
    timings: SandboxCallTimings = .fast,
    _ body: (TwilioSandbox, TwilioClient) async throws -> Void
) async throws {
    var configuration = fixedConfiguration()
    configuration.callTimings = timings
    try await withSandbox(configuration) { sandbox in
        var clientConfiguration = TwilioConfiguration()
        clientConfiguration.apiBaseURL = try #require(sandbox.baseURL)
        let credentials = TwilioCredentials(accountSID: fixedAccount.sid, authToken: fixedAccount.authToken)
        let client = try TwilioClient(
            configuration: clientConfiguration,
            credentials: StaticCredentialSource(credentials)
        )
        try await body(sandbox, client)
    }
}

/// Waits until the sandbox's call `sid` satisfies `condition`, and returns it.
func waitForCall(
    _ sid: String,
    in sandbox: TwilioSandbox,
    _ condition: @escaping (SandboxCall) -> Bool
) async throws -> SandboxCall {
    let call = await eventually { sandbox.call(sid: sid).flatMap { condition($0) ? $0 : nil } }
    return try #require(
        call,
        "call \(sid) never reached the expected state: \(String(describing: sandbox.call(sid: sid)))"
    )
}

/// The sandbox's valid caller ID.
let callerID = SandboxAccount.magicSender
