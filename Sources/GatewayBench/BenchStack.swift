internal import GatewayAPI
internal import GatewayClient
internal import GatewayServices
internal import RPCCore
internal import SecureTransport
internal import ServiceSupport
internal import TwilioREST
internal import TwilioSandbox
internal import WireFraming

/// A whole gateway in this process: the sandbox, the Twilio client, the services behind a real
/// RPC server on 127.0.0.1, and a client connected to it over TCP; with TLS, also a second RPC
/// server for the same services with TLS on, and a client of it.
final class BenchStack: Sendable {
    /// The number every benchmark sends from.
    static let sender = "+15557654321"

    let client: GatewayClient
    private let sandbox: TwilioSandbox
    private let server: RPCServer
    private let secure: (server: RPCServer, client: GatewayClient)?

    init(logger: Logger, tls: BenchCertificate? = nil) throws {
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
        let dispatcher = RPCDispatcher(router: router, logger: logger)
        server = RPCServer(dispatcher: dispatcher, logger: logger)
        let port = try server.start(host: "127.0.0.1", port: 0)
        client = GatewayClient.connecting(toHost: "127.0.0.1", port: port)
        if let tls {
            let secureServer = RPCServer(
                dispatcher: dispatcher,
                logger: logger,
                configuration: RPCServer.Configuration(tls: tls.server)
            )
            let securePort = try secureServer.start(host: "127.0.0.1", port: 0)
            secure = (secureServer, GatewayClient.connecting(toHost: "127.0.0.1", port: securePort, tls: tls.client))
        } else {
            secure = nil
        }
    }

    /// The calls measured, each a closure making one call.
    var workloads: [BenchWorkload] {
        let request = SendSmsRequest(to: "+15551234567", sender: .from(Self.sender), body: "Your code is 123456")
        var clients = [("", client)]
        if let secure {
            clients.append(("+TLS", secure.client))
        }
        return clients.flatMap { suffix, client in
            [
                BenchWorkload(name: "SendSms" + suffix) { _ = try await client.sendSms(request) },
                BenchWorkload(name: "Health.Check" + suffix) { _ = try await client.checkHealth() },
            ]
        }
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
        secure?.server.beginGracefulShutdown()
        sandbox.stop()
    }
}

/// One kind of call to measure.
struct BenchWorkload: Sendable {
    var name: String
    var call: @Sendable () async throws -> Void
}
