import ServiceSupport
import Synchronization
import Testing
import TwilioREST

@testable import GatewayServices

/// Hands out the results a test lined up, one per probe, and counts the probes.
private final class ScriptedCheck: Sendable {
    private let results: Mutex<[ReadinessCheck]>
    private let calls = Mutex(0)

    init(_ results: [ReadinessCheck]) {
        self.results = Mutex(results)
    }

    var probes: Int {
        calls.withLock { $0 }
    }

    var check: @Sendable () async -> ReadinessCheck {
        {
            self.calls.withLock { $0 += 1 }
            return self.results.withLock { $0.count > 1 ? $0.removeFirst() : $0[0] }
        }
    }
}

@Suite("ReadinessProber")
struct ReadinessProberTests {
    @Test("before the first probe the gateway is not ready and says so")
    func notProbed() {
        let prober = ReadinessProber(interval: .seconds(15)) { .ready("fine") }
        #expect(prober.status == .notProbed)
        #expect(!prober.status.isReady)
        #expect(prober.status.detail == "no readiness probe has finished yet")
    }

    @Test("each probe records its result and time; a change of readiness is logged once")
    func records() async throws {
        let logs = InMemoryLogHandler()
        let seen = Mutex<[Bool]>([])
        let script = ScriptedCheck([.ready("Twilio answered"), .ready("Twilio answered"), .notReady("refused")])
        let prober = ReadinessProber(
            interval: .seconds(15),
            logger: Logger(label: "test", handler: logs, minimumLevel: .trace),
            wallClock: { 1_700_000_000.5 },
            observer: { status in seen.withLock { $0.append(status.isReady) } },
            check: script.check
        )

        let first = await prober.probe()
        await prober.probe()
        let last = await prober.probe()

        #expect(first.isReady)
        #expect(first.checkedAt == 1_700_000_000.5)
        #expect(first.detail == "Twilio answered")
        #expect(try #require(first.probeDuration) >= .zero)
        #expect(!last.isReady)
        #expect(prober.status == last)
        #expect(prober.status.detail == "refused")
        #expect(seen.withLock { $0 } == [true, true, false])
        let changes = logs.records.filter { $0.message == "gateway.readiness.changed" }
        #expect(changes.map(\.level) == [.notice, .warning])
        #expect(changes.map { $0.metadata["readiness.ready"] } == ["true", "false"])
    }

    @Test("run probes at once and again after each interval, until its task is cancelled")
    func run() async throws {
        let script = ScriptedCheck([.ready("ok")])
        let prober = ReadinessProber(interval: .milliseconds(10), check: script.check)
        let running = Task { await prober.run() }

        let deadline = ContinuousClock.now + .seconds(10)
        while script.probes < 3, ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
        }
        running.cancel()
        await running.value
        let probes = script.probes
        try await Task.sleep(for: .milliseconds(50))

        #expect(probes >= 3)
        #expect(script.probes == probes)
        #expect(prober.status.isReady)
    }

    @Test(
        "Twilio's answers: 20008 is ready (test credentials), 401/20003 and other errors are not",
        arguments: [
            (TwilioAPIError(httpStatus: 403, code: 20008, message: "Test credentials"), true, "error 20008"),
            (TwilioAPIError(httpStatus: 401, code: 20003, message: "Authenticate"), false, "TWILIO_AUTH_TOKEN"),
            (TwilioAPIError(httpStatus: 403, code: 20403, message: "Suspended"), false, "20403"),
            (TwilioAPIError(httpStatus: 503, message: "Service Unavailable"), false, "HTTP 503"),
        ]
    )
    func twilioAnswers(error: TwilioAPIError, ready: Bool, mentions: String) {
        let check = ReadinessCheck.classify(error)
        #expect(check.isReady == ready)
        #expect(check.detail.contains(mentions), "\(check.detail)")
    }

    @Test("a Twilio nobody listens for is not ready, with the connection failure as the reason")
    func unreachable() async throws {
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = "http://127.0.0.1:1"
        let client = try TwilioClient(
            configuration: configuration,
            credentials: StaticCredentialSource(TwilioCredentials(accountSID: "AC1", authToken: "token"))
        )
        let check = await ReadinessCheck.twilio(client, timeout: .seconds(5))()
        #expect(!check.isReady)
        #expect(check.detail.hasPrefix("no usable answer from Twilio (connect failed)"), "\(check.detail)")
        #expect(!check.detail.contains("token"))
    }
}
