import Foundation
import GatewayAPI
import GatewayAccess
import GatewayClient
import GatewayStore
import RPCCore
import ServiceSupport
import WireFraming

/// A TCP RPC server on 127.0.0.1 guarded by an ``APIKeyAccessControl`` over a store in a fresh
/// directory; its Verify and Messaging methods answer empty messages, and its SubscribeEvents
/// stream writes one empty event per ``tick`` (one stream at a time).
final class AccessHarness {
    let directory: String
    let store: GatewayStore
    let registry: APIKeyRegistry
    let logs = InMemoryLogHandler()
    let server: RPCServer
    let port: Int
    /// Makes the open SubscribeEvents stream write one event.
    let tick: AsyncStream<Void>.Continuation

    init(enforcement: APIKeyEnforcement, recheck: RPCAccessRecheck = RPCAccessRecheck()) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("access-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try GatewayStore(directory: directory)
        registry = APIKeyRegistry(keys: store.apiKeys, methods: RPCMethod.gatewayMethods, clock: { Timestamp.now() })
        let logger = Logger(label: "test", handler: logs, minimumLevel: .trace)
        let access = APIKeyAccessControl(
            keys: store.apiKeys,
            enforcement: enforcement,
            openMethods: [.healthCheck],
            logger: logger
        )
        var router = RPCRouter()
        for method in [RPCMethod.startVerification, .checkVerification, .sendSms, .healthCheck] {
            router.register(method, .unary { _, _ in [] })
        }
        let (ticks, tick) = AsyncStream<Void>.makeStream()
        self.tick = tick
        router.register(
            .subscribeEvents,
            .serverStreaming { _, _, writer in
                for await _ in ticks {
                    try await writer.write([])
                }
            }
        )
        let dispatcher = RPCDispatcher(router: router, logger: logger, access: access, recheck: recheck)
        server = RPCServer(dispatcher: dispatcher, logger: logger)
        port = try server.start(host: "127.0.0.1", port: 0)
    }

    /// A client with no key.
    func client() -> GatewayClient {
        GatewayClient.connecting(toHost: "127.0.0.1", port: port)
    }

    /// Stops the server and removes the directory.
    func stop() async {
        server.beginGracefulShutdown()
        await server.waitUntilStopped()
        store.close()
        try? FileManager.default.removeItem(atPath: directory)
    }
}
