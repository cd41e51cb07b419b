import GatewayAPI
import GatewayAccess
import GatewayClient
import RPCCore
import ServiceSupport
import Testing

/// How the `authorization` metadata value is read: the whitespace around it, a Bearer with no
/// key after it, and a key sent with the scheme in front of it.
@Suite("The authorization value")
struct AuthorizationValueTests {
    /// How `StartVerification` ends when `value` is the call's `authorization` metadata.
    private func outcome(_ harness: AccessHarness, _ value: String) async -> (code: RPCStatusCode, message: String) {
        do {
            _ = try await harness.client().startVerification(
                StartVerificationRequest(),
                options: RPCCallOptions(metadata: ["authorization": value])
            )
            return (.ok, "")
        } catch let error as RPCError {
            return (error.code, error.message)
        } catch {
            return (.unknown, "\(error)")
        }
    }

    @Test("spaces and tabs at either end of the value are not part of it")
    func surroundingWhitespace() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let key = try harness.registry.create(name: "web", scopes: []).token.revealed
        let padded = ["Bearer \(key) ", "Bearer \(key)\t", " Bearer \(key)", "\t Bearer  \(key) \t", "bearer \(key)  "]
        for value in padded {
            let answer = await outcome(harness, value)
            #expect(answer.code == .ok, "'\(value)': \(answer.message)")
        }
        await harness.stop()
    }

    @Test(
        "Bearer with no key after it says the key is missing",
        arguments: ["Bearer", "Bearer ", "Bearer   ", "bearer\t", " BEARER \t "]
    )
    func emptyKey(value: String) async throws {
        let harness = try AccessHarness(enforcement: .always)
        _ = try harness.registry.create(name: "web", scopes: [])
        let answer = await outcome(harness, value)
        #expect(answer.code == .unauthenticated)
        #expect(answer.message == "missing API key after Bearer: send metadata authorization: Bearer <key>")
        await harness.stop()
    }

    @Test("a key sent with the scheme in front of it is told to send the key alone")
    func schemeTwice() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let key = try harness.registry.create(name: "web", scopes: []).token.revealed
        for value in ["Bearer Bearer \(key)", "Bearer bearer  \(key) ", "Bearer Bearer"] {
            let answer = await outcome(harness, value)
            #expect(answer.code == .unauthenticated)
            #expect(
                answer.message
                    == "Bearer appears twice: send metadata authorization: Bearer <key> with the key alone (tgw_…), "
                    + "and remove 'Bearer ' from where the key is kept",
                "'\(value)'"
            )
        }
        let refusals = harness.logs.records.filter { $0.message == "auth.refused" }
        #expect(refusals.count == 3)
        #expect(!harness.logs.lines.joined().contains(key.dropFirst(21)))
        await harness.stop()
    }

    @Test("a key that only starts like the scheme is an unknown key, not the scheme twice")
    func bearerLikeKey() async throws {
        let harness = try AccessHarness(enforcement: .always)
        _ = try harness.registry.create(name: "web", scopes: [])
        let answer = await outcome(harness, "Bearer Bearerish")
        #expect(answer.code == .unauthenticated)
        #expect(answer.message == "unknown or revoked API key")
        await harness.stop()
    }
}
