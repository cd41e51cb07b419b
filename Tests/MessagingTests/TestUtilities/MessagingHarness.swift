import Foundation
import GatewayAPI
import GatewayClient
import GatewayServices
import GatewayStore
import GraphQL
import GraphQLGateway
import RPCCore
import ServiceSupport
import Synchronization
import Testing
import TwilioREST
import TwilioSandbox

/// A sandbox, the Twilio client pointed at it, the Messaging service with a store in a fresh
/// directory, and both front doors: a typed RPC client and the GraphQL endpoint, in process.
final class MessagingHarness: Sendable {
    static let account = SandboxAccount(
        sid: "AC11112222333344445555666677778888",
        authToken: "harness-auth-token-0123456789abcd",
        phoneNumbers: ["+15005550010"] + bulkSenders,
        messagingServices: [SandboxMessagingService(sid: messagingService, senders: ["+15005550011"])]
    )
    static let messagingService = "MG00112233445566778899aabbccddeeff"
    static let sender = "+15005550010"
    /// Ten numbers the account owns, for bulk sends from several senders.
    static let bulkSenders = (0..<10).map { "+1500555020\($0)" }

    let sandbox: TwilioSandbox
    let store: GatewayStore
    let client: GatewayClient
    /// The service behind ``client``, for its shutdown.
    let messaging: MessagingService
    let transport: InProcessTransport
    let endpoint: GraphQLEndpoint
    private let directory: String

    /// Starts everything; call ``stop()`` when done (``with(_:storeDirectory:_:)`` does).
    init(
        sandbox configuration: TwilioSandbox.Configuration,
        storeDirectory: String? = nil,
        maximumConnections: Int = 16,
        statusCallback: String? = nil
    ) throws {
        sandbox = try TwilioSandbox(configuration: configuration)
        try sandbox.start()
        directory =
            storeDirectory
            ?? FileManager.default.temporaryDirectory.appendingPathComponent("messaging-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        store = try GatewayStore(directory: directory)

        var twilioConfiguration = TwilioConfiguration()
        twilioConfiguration.apiBaseURL = sandbox.baseURL ?? ""
        twilioConfiguration.maximumConnectionsPerHost = maximumConnections
        let account = sandbox.account
        let twilio = try TwilioClient(
            configuration: twilioConfiguration,
            credentials: StaticCredentialSource(
                TwilioCredentials(accountSID: account.sid, authToken: account.authToken)
            )
        )
        var router = RPCRouter()
        messaging = MessagingService(twilio: twilio, store: store, statusCallback: { statusCallback })
        messaging.register(in: &router)
        transport = InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
        client = GatewayClient(transport: transport)
        endpoint = try GatewaySchema(transport: transport, configuration: GatewayConfiguration(version: "test"))
            .makeEndpoint()
    }

    /// Runs `body` with a started harness, then stops it.
    static func with<T>(
        _ configuration: TwilioSandbox.Configuration = MessagingHarness.configuration(),
        storeDirectory: String? = nil,
        statusCallback: String? = nil,
        _ body: (MessagingHarness) async throws -> T
    ) async throws -> T {
        let harness = try MessagingHarness(
            sandbox: configuration,
            storeDirectory: storeDirectory,
            statusCallback: statusCallback
        )
        do {
            let result = try await body(harness)
            await harness.stop()
            return result
        } catch {
            await harness.stop()
            throw error
        }
    }

    /// The sandbox configuration most tests use: the harness account, fast timings.
    static func configuration(
        faults: SandboxFaults = .none,
        timings: SandboxMessageTimings = .fast,
        wallClock: @escaping @Sendable () -> Double = { Timestamp.now() }
    ) -> TwilioSandbox.Configuration {
        TwilioSandbox.Configuration(accounts: [account], faults: faults, wallClock: wallClock, messageTimings: timings)
    }

    /// Stops the sandbox on a thread of its own (its `stop()` blocks) and closes the store.
    func stop() async {
        let sandbox = self.sandbox
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                sandbox.stop()
                continuation.resume()
            }
        }
        store.close()
    }

    /// Runs a GraphQL document and returns the response as JSON objects.
    func graphQL(_ query: String, variables: GraphQLObject = [:]) async throws -> [String: Any] {
        let response = await endpoint.respond(
            to: GraphQLRequest(query: query, operationName: nil, variables: variables),
            context: GatewayRequestContext()
        )
        let json = try JSONSerialization.jsonObject(with: Data(response.jsonString().utf8))
        return try #require(json as? [String: Any])
    }
}

/// A wall clock that a test moves by hand.
final class ManualClock: Sendable {
    private let now: Mutex<Double>

    init(_ start: Double = Timestamp.now()) {
        now = Mutex(start)
    }

    func advance(seconds: Double) {
        now.withLock { $0 += seconds }
    }

    var read: @Sendable () -> Double {
        { self.now.withLock { $0 } }
    }
}

/// Waits until `condition` holds, checking every 10 ms for up to `limit`; returns whether it did.
func eventually(within limit: Duration = .seconds(10), _ condition: () -> Bool) async throws -> Bool {
    let end = ContinuousClock.now + limit
    while ContinuousClock.now < end {
        if condition() {
            return true
        }
        try await Task.sleep(for: .milliseconds(10))
    }
    return condition()
}
