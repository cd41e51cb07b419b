internal import Foundation
internal import GatewayAPI
internal import GatewayMetrics
internal import GatewayServices
internal import HTTPServer
internal import RPCCore
internal import SecureTransport
internal import ServiceSupport
internal import TwilioREST
internal import TwilioSandbox
internal import WebhookIntake
internal import WireFraming

/// `twilio-gateway serve`: the RPC server, the GraphQL gateway and, without credentials, the sandbox.
enum ServeCommand {
    static let command = Command(help: ServeConfiguration.help) { words in
        var arguments = try CommandArguments(
            words,
            options: ServeConfiguration.optionNames,
            flags: ServeConfiguration.flagNames
        )
        let configuration = try ServeConfiguration(arguments: &arguments, environment: Environment())
        try await run(configuration)
        return 0
    }

    static func run(_ configuration: ServeConfiguration) async throws {
        let logger = Logger(label: "gateway", handler: JSONLinesLogHandler(), minimumLevel: configuration.logLevel)
        try prepareDataDirectory(configuration.dataDirectory)
        try DataDirectoryMode.refuseWritable(configuration.dataDirectory)
        warnIfExposed(configuration.dataDirectory, logger: logger)
        if let tls = configuration.tls {
            logger.notice(
                "gateway.tls.enabled",
                ["tls.certificate_subject": tls.certificateSubject, "tls.ports": "rpc,http"]
            )
            if tls.isPrivateKeyGroupReadable {
                logger.warning(
                    "gateway.tls.key_group_readable",
                    ["tls.key_file": tls.privateKeyPath, "note": "the key file's group can read the TLS private key"]
                )
            }
        }

        let board = HealthStatusBoard(services: GatewayServiceNames.served)
        let instrumentation = GatewayInstrumentation()
        let backend: Backend?
        if configuration.upstreams.isEmpty {
            backend = try starting(logger) {
                try Backend.start(configuration, board: board, instrumentation: instrumentation, logger: logger)
            }
        } else {
            backend = nil
            logger.notice(
                "gateway.upstreams.configured",
                ["upstreams": configuration.upstreams.map(\.description).joined(separator: ",")]
            )
        }
        let mode = backend?.mode ?? "graphql-only"
        instrumentation.recordBuildInfo(version: GatewayVersion.current, mode: mode)

        let transport = backend?.inProcessTransport ?? UpstreamTransport.make(configuration.upstreams, logger: logger)
        let readiness = makeProber(configuration, backend: backend, transport: transport, logger: logger) {
            instrumentation.recordReadinessProbe(isReady: $0.isReady)
        }
        let http = try starting(logger) {
            try HTTPFrontDoor.start(
                configuration,
                transport: transport,
                board: board,
                readiness: readiness,
                instrumentation: instrumentation,
                sandbox: backend?.sandbox,
                access: backend?.access,
                webhooks: try backend?.webhookState.makeIntake(logger: logger.labeled("gateway.webhooks")),
                logger: logger
            )
        }
        if let backend {
            try starting(logger) {
                try connectWebhooks(backend, http: http, configuration: configuration, logger: logger)
            }
        }
        let probing = Task { await readiness.run() }
        logger.notice(
            "gateway.started",
            [
                "rpc.address": backend.map {
                    HostAndPort(host: configuration.rpcAddress.host, port: UInt16($0.rpcPort)).description
                }
                    ?? "none",
                "http.address": HostAndPort(host: configuration.httpAddress.host, port: UInt16(http.port)).description,
                "mode": mode,
                "tls": configuration.tls == nil ? "off" : "on",
            ]
        )

        let signal = await TerminationSignal.wait { second in
            logger.warning("gateway.stop_forced", ["signal": String(second)])
        }
        logger.notice("gateway.stopping", ["signal": String(signal)])
        board.setAll(.notServing)
        probing.cancel()
        backend?.beginShutdown()
        http.stop()
        await backend?.waitUntilStopped()
        await probing.value
        logger.notice("gateway.stopped")
    }

    /// Runs one start-up step; when it fails, logs `gateway.start_failed` with the reason, so that
    /// the log does not end on the lines of the steps that had started.
    private static func starting<Result>(_ logger: Logger, _ step: () throws -> Result) throws -> Result {
        do {
            return try step()
        } catch {
            logger.error("gateway.start_failed", ["error": String(describing: error)])
            throw error
        }
    }

    /// The prober behind `GET /readyz`: of Twilio (or the sandbox) through the backend's client,
    /// or of the upstreams' Health service in GraphQL-only mode. One probe may take the interval
    /// or five seconds, whichever is shorter.
    private static func makeProber(
        _ configuration: ServeConfiguration,
        backend: Backend?,
        transport: any RPCClientTransport,
        logger: Logger,
        observer: @escaping @Sendable (ReadinessStatus) -> Void
    ) -> ReadinessProber {
        let timeout = min(configuration.readinessInterval, .seconds(5))
        let check =
            backend.map { ReadinessCheck.twilio($0.twilio, timeout: timeout) }
            ?? UpstreamTransport.readinessCheck(transport, timeout: timeout)
        return ReadinessProber(
            interval: configuration.readinessInterval,
            logger: logger.labeled("gateway.readiness"),
            observer: observer,
            check: check
        )
    }

    /// Learns the public URL in sandbox mode (the HTTP address, now that it listens) and points
    /// the sandbox's numbers at the webhooks; says where the webhooks are, or that they cannot
    /// check signatures without a public URL.
    private static func connectWebhooks(
        _ backend: Backend,
        http: HTTPFrontDoor,
        configuration: ServeConfiguration,
        logger: Logger
    ) throws {
        let slot = backend.webhookState.publicURL
        if let sandbox = backend.sandbox {
            let host = configuration.httpAddress.host
            let local = HostAndPort(
                host: ["0.0.0.0", "::"].contains(host) ? "127.0.0.1" : host,
                port: UInt16(http.port)
            )
            // With TLS the sandbox calls the HTTPS port and trusts the gateway's certificate
            // (Backend.startSandboxIfNeeded); the certificate must name this host, such as
            // IP:127.0.0.1, or every delivery fails with a hostname mismatch.
            let scheme = configuration.tls == nil ? "http" : "https"
            let base = slot.setIfUnset(try WebhookBaseURL("\(scheme)://\(local)"))
            try SandboxLoop.connect(sandbox, to: base, logger: logger)
        }
        guard let base = slot.current else {
            logger.warning(
                "gateway.webhooks.public_url_missing",
                ["note": "set GATEWAY_PUBLIC_URL to the URL Twilio calls; until then every webhook is answered 503"]
            )
            return
        }
        logger.notice(
            "gateway.webhooks.ready",
            [
                "webhook.sms": base.url(of: .sms), "webhook.voice": base.url(of: .voice),
                "webhook.status": base.url(of: .status), "webhook.verify": base.url(of: .verify),
            ]
        )
    }

    /// Logs one warning when the data directory exists with read or search access for group or
    /// others (write access was refused before): the files in it (phone numbers, bodies, key
    /// hashes, the vault) are then reachable by other users.
    private static func warnIfExposed(_ path: String, logger: Logger) {
        guard let mode = DataDirectoryMode.mode(of: path), mode & 0o077 != 0 else {
            return
        }
        logger.warning(
            "gateway.data_dir.exposed",
            [
                "data_dir": path, "data_dir.mode": String(mode, radix: 8),
                "note": "group or others can reach the data directory; run chmod 700 on it",
            ]
        )
    }

    private static func prepareDataDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(
                atPath: path,
                withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700]
            )
        } catch {
            throw CommandArguments.ParseError(
                description: "cannot create the data directory '\(path)'; choose another with --data-dir"
            )
        }
    }
}

/// The names the Health service reports on: every service this gateway serves.
enum GatewayServiceNames {
    static let served = [
        "twilio.gateway.v1.Messaging", "twilio.gateway.v1.Verify", "twilio.gateway.v1.Voice",
        "twilio.gateway.v1.Health", "twilio.gateway.v1.Events",
    ]
}
