import Foundation
import GatewayAPI
import GatewayAccess
import GatewayClient
import GatewayStore
import RPCCore
import ServiceSupport
import WireFraming

/// A TCP RPC server on 127.0.0.1 guarded by an ``APIKeyAccessControl`` over a store in a fresh
/// directory; its Verify and Messaging methods answer empty messages.
final class AccessHarness {
    let directory: String
    let store: GatewayStore
    let registry: APIKeyRegistry
    let logs = InMemoryLogHandler()
    let server: RPCServer
    let port: Int

    init(enforcement: APIKeyEnforcement) throws {
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
        server = RPCServer(dispatcher: RPCDispatcher(router: router, logger: logger, access: access), logger: logger)
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
