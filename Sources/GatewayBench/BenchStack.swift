internal import GatewayAPI
internal import GatewayClient
internal import GatewayServices
internal import RPCCore
internal import ServiceSupport
internal import TwilioREST
internal import TwilioSandbox
internal import WireFraming

/// A whole gateway in this process: the sandbox, the Twilio client, the services behind a real
/// RPC server on 127.0.0.1, and a client connected to it over TCP.
final class BenchStack: Sendable {
    /// The number every benchmark sends from.
    static let sender = "+15557654321"

    let client: GatewayClient
    private let sandbox: TwilioSandbox
    private let server: RPCServer

    init(logger: Logger) throws {
        // Frozen: messages keep their first status, so that timers moving earlier messages do not
        // take CPU from the run being measured.
        sandbox = try TwilioSandbox(
            configuration: TwilioSandbox.Configuration(
                accounts: [.generate(phoneNumbers: [Self.sender])],
                messageTimings: .frozen
            ),
            logger: logger
        )
        try sandbox.start()
        var twilioConfiguration = TwilioConfiguration()
        twilioConfiguration.apiBaseURL = sandbox.baseURL ?? ""
        twilioConfiguration.maximumConnectionsPerHost = 32
        let credentials = TwilioCredentials(accountSID: sandbox.account.sid, authToken: sandbox.account.authToken)
        let twilio = try TwilioClient(
            configuration: twilioConfiguration,
            credentials: StaticCredentialSource(credentials),
            logger: logger
        )

        var router = RPCRouter()
        MessagingService(twilio: twilio).register(in: &router)
        HealthService(board: HealthStatusBoard(services: [])).register(in: &router)
        server = RPCServer(dispatcher: RPCDispatcher(router: router, logger: logger), logger: logger)
        let port = try server.start(host: "127.0.0.1", port: 0)
        client = GatewayClient.connecting(toHost: "127.0.0.1", port: port)
    }

    /// The calls measured, each a closure making one call.
    var workloads: [BenchWorkload] {
        let client = self.client
        let request = SendSmsRequest(to: "+15551234567", sender: .from(Self.sender), body: "Your code is 123456")
        return [
            BenchWorkload(name: "SendSms") { _ = try await client.sendSms(request) },
            BenchWorkload(name: "Health.Check") { _ = try await client.checkHealth() },
        ]
    }

    /// The sandbox's base URL, for other clients of the same sandbox.
    var sandboxURL: String {
        sandbox.baseURL ?? ""
    }

    /// The sandbox account's SID.
    var accountSID: String {
        sandbox.account.sid
    }

    /// The sandbox account's auth token.
    var authToken: String {
        sandbox.account.authToken
    }

    func stop() {
        server.beginGracefulShutdown()
        sandbox.stop()
    }
}

/// One kind of call to measure.
struct BenchWorkload: Sendable {
    var name: String
    var call: @Sendable () async throws -> Void
}
