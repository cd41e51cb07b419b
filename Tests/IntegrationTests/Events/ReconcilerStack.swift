import Foundation
import GatewayAPI
import GatewayClient
import GatewayServices
import GatewayStore
import RPCCore
import ServiceSupport
import Synchronization
import Testing
import TwilioREST
import TwilioSandbox

/// The Messaging service with the status reconciler, as `serve` wires them, over a sandbox
/// whose messages keep their first status, with a store and an event log in a fresh directory
/// and a wall clock the test moves.
final class ReconcilerStack: Sendable {
    static let account = SandboxAccount(
        sid: "AC0123456789abcdef0123456789abcdef",
        authToken: "0123456789abcdef0123456789abcdef",
        phoneNumbers: ["+15005550010"]
    )
    static let sender = "+15005550010"

    let sandbox: TwilioSandbox
    let directory: TemporaryDirectory
    let store: GatewayStore
    let log: SQLiteEventLog
    let twilio: TwilioClient
    let reconciler: MessageStatusReconciler
    let client: GatewayClient
    private let manualClock: ManualWallClock

    /// Starts the stack; `reconcileAfter` is how long a message may stay pending.
    init(
        reconcileAfter: Duration = .seconds(60),
        timings: SandboxMessageTimings = .frozen,
        wallClock: Bool = false
    ) throws {
        sandbox = try TwilioSandbox(
            configuration: TwilioSandbox.Configuration(accounts: [Self.account], messageTimings: timings)
        )
        try sandbox.start()
        directory = try TemporaryDirectory(prefix: "reconciler")
        let manual = ManualWallClock()
        manualClock = manual
        let clock: @Sendable () -> Double
        if wallClock {
            clock = { Timestamp.now() }
        } else {
            clock = { manual.now }
        }
        store = try GatewayStore(directory: directory.url.path, clock: clock)
        log = try SQLiteEventLog(directory: directory.url.path)
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = try #require(sandbox.baseURL)
        let credentials = TwilioCredentials(accountSID: Self.account.sid, authToken: Self.account.authToken)
        twilio = try TwilioClient(configuration: configuration, credentials: StaticCredentialSource(credentials))
        reconciler = MessageStatusReconciler(
            store: store,
            log: log,
            twilio: twilio,
            configuration: MessageStatusReconciler.Configuration(reconcileAfter: reconcileAfter),
            clock: clock
        )
        var messaging = MessagingService(twilio: twilio, store: store)
        messaging.reconciler = reconciler
        var router = RPCRouter()
        messaging.register(in: &router)
        client = GatewayClient(
            transport: InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled)),
            defaultOptions: RPCCallOptions(timeout: .seconds(10))
        )
    }

    /// Moves the wall clock on.
    func advance(seconds: Double) {
        manualClock.advance(seconds: seconds)
    }

    /// Sends one SMS through the Messaging service.
    func send(to number: String = "+14155550100") async throws -> Message {
        try await client.sendSms(SendSmsRequest(to: number, sender: .from(Self.sender), body: "hello"))
    }

    /// How many times the sandbox was asked for the message `sid`.
    func fetches(of sid: String) -> Int {
        sandbox.receivedRequests.filter { $0.method == "GET" && $0.path.hasSuffix("/Messages/\(sid).json") }.count
    }

    /// Closes the log and the store, stops the sandbox and removes the directory.
    func close() async {
        await log.close()
        store.close()
        let sandbox = self.sandbox
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                sandbox.stop()
                continuation.resume()
            }
        }
        directory.remove()
    }
}

/// A wall clock in seconds since 1970 that stands still until a test moves it.
final class ManualWallClock: Sendable {
    private let seconds = Mutex(1_800_000_000.0)

    var now: Double {
        seconds.withLock { $0 }
    }

    func advance(seconds delta: Double) {
        seconds.withLock { $0 += delta }
    }
}
