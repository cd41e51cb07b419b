internal import GatewayAPI
internal import GatewayMetrics
internal import GatewayServices
internal import GraphQLGateway
internal import HTTPServer
internal import RPCCore
internal import ServiceSupport
internal import TwilioSandbox
internal import WebhookIntake

/// The HTTP port: the GraphQL gateway at `/graphql` (subscriptions over Server-Sent Events
/// included), the liveness probe at `/healthz`, the readiness probe at `/readyz`, the metrics at
/// `/metrics`, Twilio's webhooks at `/webhooks/twilio/…` and, in sandbox mode, the sandbox's
/// inbox at `/sandbox/inbox/{address}` (where Verify codes land), its inbound simulation at
/// `/sandbox/inbound/sms|call` and its account at `/sandbox/account`, open like the rest of a
/// sandbox-mode gateway.
final class HTTPFrontDoor: Sendable {
    let port: Int
    private let server: HTTPServer

    private init(server: HTTPServer, port: Int) {
        self.server = server
        self.port = port
    }

    /// Derives the GraphQL schema, routes the endpoints and starts listening.
    static func start(
        _ configuration: ServeConfiguration,
        transport: any RPCClientTransport,
        board: HealthStatusBoard,
        readiness: ReadinessProber,
        instrumentation: GatewayInstrumentation,
        sandbox: TwilioSandbox?,
        access: (any RPCAccessControl)?,
        webhooks: WebhookIntake?,
        logger: Logger
    ) throws -> HTTPFrontDoor {
        let gateway = try GatewaySchema(
            transport: transport,
            configuration: GatewayConfiguration(
                version: GatewayVersion.current,
                defaultTimeout: configuration.graphQLTimeout
            )
        )
        let endpoint = gateway.makeEndpoint(
            parseLimits: configuration.limits.graphQLParseLimits,
            validationOptions: configuration.limits.graphQLValidationOptions
        )
        let graphQL = GraphQLHTTPHandler(
            endpoint: endpoint,
            requestTimeout: configuration.graphQLTimeout,
            logger: logger.labeled("gateway.graphql"),
            eventStreams: GraphQLHTTPHandler.EventStreamOptions(
                maxConcurrentStreams: configuration.graphQLMaxStreams,
                maxStreamsPerAddress: configuration.limits.graphQLMaxStreamsPerAddress,
                keepAliveInterval: configuration.graphQLKeepAlive
            ),
            observer: { instrumentation.observe($0) },
            access: access.map {
                GraphQLAccessCheck(access: $0, operations: gateway.operations, endpoint: endpoint)
            },
            maxRequestsInFlightPerAddress: configuration.limits.graphQLMaxRequestsPerAddress
        )
        var router = HTTPRouter()
        graphQL.register(in: &router)
        webhooks?.register(in: &router)
        router.add(.get, "/healthz") { _ in
            let serving = board.status(of: "") == .serving
            return .json(
                serving ? #"{"status":"serving"}"# : #"{"status":"not-serving"}"#,
                status: serving ? .ok : .serviceUnavailable
            )
        }
        router.add(.get, "/readyz") { _ in readinessResponse(readiness.status) }
        router.add(.get, "/metrics") { _ in metricsResponse(instrumentation.registry) }

        if let sandbox {
            router.add(.get, "/sandbox/inbox/{Address}") { request in
                .json(sandbox.inboxDocument(for: request.pathParameters["Address"] ?? ""))
            }
            SandboxInboundRoutes.register(in: &router, sandbox: sandbox)
            SandboxAccountRoute.register(in: &router, sandbox: sandbox)
        }

        let server: HTTPServer
        do {
            server = try HTTPServer(
                configuration: configuration.limits.applying(
                    to: HTTPServer.Configuration(
                        host: configuration.httpAddress.host,
                        port: Int(configuration.httpAddress.port),
                        perIPConnectionLimit: configuration.httpConnectionsPerAddress,
                        headerTimeout: configuration.httpHeaderTimeout,
                        tls: configuration.tls
                    )
                ),
                logger: logger.labeled("gateway.http"),
                handler: router.handler
            )
            try server.start()
        } catch {
            throw StartupFailure.cannotListen(on: configuration.httpAddress, for: "HTTP", error)
        }
        instrumentation.trackOpenConnections(port: "http") { server.openConnectionCount }
        return HTTPFrontDoor(server: server, port: server.boundPort ?? Int(configuration.httpAddress.port))
    }

    /// Stops listening; requests in flight get a short grace period.
    func stop() {
        server.stop()
    }
}

/// The version the gateway reports in GraphQL and in its user agent.
enum GatewayVersion {
    static let current = "0.1.0"
}
