import Foundation
import GatewayAPI
import GatewayClient
import GatewayServices
import GatewayTestSupport
import GraphQL
import GraphQLGateway
import RPCCore
import ServiceSupport
import Testing
import TwilioREST
import TwilioSandbox
import WireFraming

/// The Voice service wired as `serve` wires it in sandbox mode: a sandbox, the REST client
/// aimed at it, the service behind a dispatcher, and both front doors (a ``GatewayClient`` and
/// the derived GraphQL schema) over an in-process transport.
struct VoiceStack {
    /// The sandbox's account, fixed so that tests can check signatures with its token.
    static let account = SandboxAccount(
        sid: "AC0123456789abcdef0123456789abcdef",
        authToken: "0123456789abcdef0123456789abcdef",
        phoneNumbers: ["+15005550010"]
    )
    static let caller = "+15005550010"

    let sandbox: TwilioSandbox
    let dispatcher: RPCDispatcher
    let client: GatewayClient
    let graphQL: GraphQLEndpoint

    /// Runs `body` with a started stack, then stops the sandbox.
    static func run(
        timings: SandboxCallTimings = .fast,
        _ body: (VoiceStack) async throws -> Void
    ) async throws {
        let sandbox = try TwilioSandbox(
            configuration: TwilioSandbox.Configuration(accounts: [account], callTimings: timings)
        )
        try sandbox.start()
        do {
            try await body(try VoiceStack(sandbox: sandbox))
            await stop(sandbox)
        } catch {
            await stop(sandbox)
            throw error
        }
    }

    private init(sandbox: TwilioSandbox) throws {
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = try #require(sandbox.baseURL)
        let credentials = TwilioCredentials(accountSID: Self.account.sid, authToken: Self.account.authToken)
        let twilio = try TwilioClient(configuration: configuration, credentials: StaticCredentialSource(credentials))
        var router = RPCRouter()
        VoiceService(twilio: twilio).register(in: &router)
        let dispatcher = RPCDispatcher(router: router, logger: .disabled)
        let transport = InProcessTransport(dispatcher: dispatcher)

        self.sandbox = sandbox
        self.dispatcher = dispatcher
        self.client = GatewayClient(transport: transport, defaultOptions: RPCCallOptions(timeout: .seconds(10)))
        self.graphQL = try GatewaySchema(
            transport: transport,
            configuration: GatewayConfiguration(version: "test")
        ).makeEndpoint()
    }

    /// Runs a GraphQL document as a POST would.
    func graphQL(_ query: String, variables: GraphQLObject = [:]) async -> GraphQLResponse {
        await graphQL.respond(
            to: GraphQLRequest(query: query, variables: variables),
            context: GatewayRequestContext(timeout: .seconds(10))
        )
    }

    /// Waits until the sandbox's call `sid` satisfies `condition`, and returns it.
    func waitForCall(_ sid: String, _ condition: @escaping (SandboxCall) -> Bool) async throws -> SandboxCall {
        let call = await eventually { sandbox.call(sid: sid).flatMap { condition($0) ? $0 : nil } }
        return try #require(call, "call \(sid) never got there: \(String(describing: sandbox.call(sid: sid)))")
    }

    private static func stop(_ sandbox: TwilioSandbox) async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                sandbox.stop()
                continuation.resume()
            }
        }
    }
}
