import Foundation
import GatewayAPI
import GatewayClient
import GatewayServices
import GraphQL
import GraphQLGateway
import RPCCore
import ServiceSupport
import Testing
import TwilioREST
import TwilioSandbox

/// A started sandbox with a fixed account and clock, a Twilio client aimed at it (both base
/// URLs), the Verify service behind a dispatcher, and the two front doors: a ``GatewayClient``
/// over the in-process transport, and the GraphQL endpoint derived from the protos.
struct VerifyHarness {
    static let account = SandboxAccount(
        sid: "AC0123456789abcdef0123456789abcdef",
        authToken: "0123456789abcdef0123456789abcdef",
        verifyServices: [
            SandboxVerifyService(sid: "VA00112233445566778899aabbccddeeff", friendlyName: "Acme"),
            SandboxVerifyService(sid: "VAffeeddccbbaa99887766554433221100", friendlyName: "Acme Long", codeLength: 8),
        ]
    )
    static let otherAccount = SandboxAccount(
        sid: "ACfedcba9876543210fedcba9876543210",
        authToken: "fedcba9876543210fedcba9876543210"
    )
    /// The account's first Verify Service, the one the tests use.
    static let serviceSID = account.verifyServices[0].sid
    /// The account's second service, whose codes have 8 digits.
    static let longCodeServiceSID = account.verifyServices[1].sid

    let sandbox: TwilioSandbox
    let clock: TestClock
    let twilio: TwilioClient
    let dispatcher: RPCDispatcher
    let client: GatewayClient
    let endpoint: GraphQLEndpoint

    var baseURL: String {
        sandbox.baseURL ?? ""
    }

    /// Runs `body` with a new harness, then stops the sandbox off the cooperative pool.
    static func with<T>(_ body: (VerifyHarness) async throws -> T) async throws -> T {
        let harness = try VerifyHarness()
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    private init() throws {
        clock = TestClock()
        sandbox = try TwilioSandbox(
            configuration: TwilioSandbox.Configuration(
                accounts: [Self.account, Self.otherAccount],
                randomSeed: 7,
                wallClock: clock.wallClock
            )
        )
        try sandbox.start()
        let url = sandbox.baseURL ?? ""
        twilio = try TwilioClient(
            configuration: TwilioConfiguration(apiBaseURL: url, verifyBaseURL: url, requestTimeout: .seconds(10)),
            credentials: StaticCredentialSource(
                TwilioCredentials(accountSID: Self.account.sid, authToken: Self.account.authToken)
            )
        )
        var router = RPCRouter()
        VerifyService(twilio: twilio).register(in: &router)
        dispatcher = RPCDispatcher(router: router, logger: .disabled)
        let transport = InProcessTransport(dispatcher: dispatcher)
        client = GatewayClient(transport: transport)
        endpoint = try GatewaySchema(transport: transport, configuration: GatewayConfiguration(version: "test"))
            .makeEndpoint()
    }

    /// Runs a GraphQL document as a POST request would.
    func graphQL(_ query: String, variables: GraphQLObject = [:]) async -> GraphQLResponse {
        await endpoint.respond(
            to: GraphQLRequest(query: query, variables: variables),
            context: GatewayRequestContext()
        )
    }

    /// The code of the latest verification text that reached `address`.
    func latestCode(to address: String) throws -> String {
        let delivery = try #require(sandbox.deliveries(to: address).last, "nothing reached \(address)")
        return try #require(delivery.code)
    }

    private func stop() async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                sandbox.stop()
                continuation.resume()
            }
        }
    }
}
