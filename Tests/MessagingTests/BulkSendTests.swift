import Foundation
import GatewayAPI
import GatewayClient
import GatewayServices
import RPCCore
import Testing
import TwilioSandbox

@Suite("BulkSendSms against the sandbox")
struct BulkSendTests {
    /// Collects every update of a bulk send.
    private static func collect(_ stream: AsyncThrowingStream<BulkSendSmsUpdate, any Error>) async throws
        -> [BulkSendSmsUpdate]
    {
        var updates: [BulkSendSmsUpdate] = []
        for try await update in stream {
            updates.append(update)
        }
        return updates
    }

    /// Opens the client's connections to the sandbox with a quick unpaced send, so that
    /// setting them up under load does not delay the first sends of a paced test and bunch
    /// them with the next (16 is the default concurrency); returns the number of requests made.
    private static func openConnections(_ harness: MessagingHarness) async throws -> Int {
        let recipients = (0..<16).map { BulkRecipient(to: "+1415558\(String(1000 + $0))") }
        let request = BulkSendSmsRequest(
            fromNumbers: [MessagingHarness.sender],
            bodyTemplate: "warm-up",
            recipients: recipients,
            messagesPerSecond: 0
        )
        return try await collect(harness.client.bulkSendSms(request)).count
    }

    @Test("fills each recipient's variables and reports every recipient once, with segments and progress")
    func resultsPerRecipient() async throws {
        try await MessagingHarness.with { harness in
            let request = BulkSendSmsRequest(
                fromNumbers: [MessagingHarness.sender],
                bodyTemplate: "Hi {{name}}, your table is ready",
                recipients: [
                    BulkRecipient(to: "+14155550101", variables: ["name": "Ana"]),
                    BulkRecipient(to: "+14155550102", variables: [:]),
                    BulkRecipient(to: "+15005550004", variables: ["name": "Bo"]),
                    BulkRecipient(to: "123", variables: ["name": "Cy"]),
                    BulkRecipient(to: "+14155550101", variables: ["name": "Ana again"]),
                    BulkRecipient(to: "+14155550103", variables: ["name": String(repeating: "Жанна ", count: 12)]),
                ],
                messagesPerSecond: 0
            )

            let updates = try await Self.collect(harness.client.bulkSendSms(request))

            #expect(updates.map(\.result.index).sorted() == [0, 1, 2, 3, 4, 5])
            let results = Dictionary(uniqueKeysWithValues: updates.map { (Int($0.result.index), $0.result) })
            #expect(results[0]?.outcome == .sent)
            #expect(results[0]?.sid.hasPrefix("SM") == true)
            #expect(results[0]?.status == "queued")
            #expect(results[0]?.numSegments == 1)
            #expect(results[0]?.encoding == "GSM-7")
            #expect(results[0]?.from == MessagingHarness.sender)
            #expect(results[1]?.outcome == .failed)
            #expect(results[1]?.errorCode == "INVALID_ARGUMENT")
            #expect(results[1]?.errorDetails?.fieldViolations.map(\.field) == ["recipients[1].variables"])
            #expect(results[1]?.errorMessage == "recipient 2 has no value for {{name}}, which the body template uses")
            #expect(results[2]?.outcome == .optedOut)
            #expect(results[2]?.errorDetails?.twilioCode == 21610)
            #expect(results[2]?.attempts == 1)
            // A number that is not E.164 is refused by the gateway; Twilio is never asked.
            #expect(results[3]?.outcome == .failed)
            #expect(results[3]?.errorCode == "INVALID_ARGUMENT")
            #expect(results[3]?.errorDetails?.twilioCode == 0)
            #expect(results[3]?.errorDetails?.fieldViolations.map(\.field) == ["recipients[3].to"])
            #expect(!harness.sandbox.receivedRequests.contains { $0.formValue("To") == "123" })
            #expect(results[4]?.outcome == .duplicate)
            #expect(results[4]?.attempts == 0)
            #expect(results[5]?.outcome == .sent)
            #expect(results[5]?.encoding == "UCS-2")
            #expect(results[5]?.numSegments == 2)

            #expect(updates.map(\.progress.remaining) == [5, 4, 3, 2, 1, 0])
            #expect(updates.last?.progress == BulkProgress(total: 6, sent: 2, failed: 4, remaining: 0, retries: 0))
            #expect(harness.sandbox.inbox(for: "+14155550101").map(\.body) == ["Hi Ana, your table is ready"])
            #expect(harness.sandbox.inbox(for: "+14155550102").isEmpty)
            #expect(harness.sandbox.messages().count == 2)
        }
    }

    @Test("429 answers are retried with backoff until sent, and nobody gets two messages")
    func retriesRateLimits() async throws {
        let faults = SandboxFaults(rateLimitFraction: 0.3, seed: 7)
        try await MessagingHarness.with(MessagingHarness.configuration(faults: faults, timings: .frozen)) { harness in
            let recipients = (0..<60).map { BulkRecipient(to: "+1415555\(String(1000 + $0))") }
            let updates = try await Self.collect(
                harness.client.bulkSendSms(
                    BulkSendSmsRequest(
                        fromNumbers: [MessagingHarness.sender],
                        bodyTemplate: "Sale today",
                        recipients: recipients,
                        messagesPerSecond: 0,
                        maxAttempts: 10
                    )
                )
            )
            #expect(updates.count == 60)
            #expect(updates.allSatisfy { $0.result.outcome == .sent })
            let progress = try #require(updates.last?.progress)
            #expect(progress.sent == 60)
            #expect(progress.retries > 0)
            #expect(progress.retries == updates.reduce(0) { $0 + $1.result.attempts - 1 })
            let rejected = harness.sandbox.receivedRequests.filter { $0.responseStatus == 429 }.count
            #expect(rejected == Int(progress.retries))
            let perRecipient = Dictionary(grouping: harness.sandbox.messages(), by: \.to).mapValues(\.count)
            #expect(perRecipient.count == 60)
            #expect(perRecipient.values.allSatisfy { $0 == 1 })
        }
    }

    @Test("after the attempts run out, a rate-limited recipient is reported failed and the batch goes on")
    func attemptsRunOut() async throws {
        let faults = SandboxFaults(rateLimitFraction: 1)
        try await MessagingHarness.with(MessagingHarness.configuration(faults: faults, timings: .frozen)) { harness in
            let updates = try await Self.collect(
                harness.client.bulkSendSms(
                    BulkSendSmsRequest(
                        fromNumbers: [MessagingHarness.sender],
                        bodyTemplate: "x",
                        recipients: [BulkRecipient(to: "+14155550101"), BulkRecipient(to: "+14155550102")],
                        messagesPerSecond: 0,
                        maxAttempts: 2
                    )
                )
            )
            #expect(updates.count == 2)
            for update in updates {
                #expect(update.result.outcome == .failed)
                #expect(update.result.attempts == 2)
                #expect(update.result.errorCode == "RESOURCE_EXHAUSTED")
                #expect(update.result.errorDetails?.twilioCode == 20429)
            }
            #expect(harness.sandbox.receivedRequests.count == 4)
        }
    }

    @Test("each sender keeps its pace, counted in segments")
    func pacing() async throws {
        try await MessagingHarness.with(MessagingHarness.configuration(timings: .frozen)) { harness in
            _ = try await Self.openConnections(harness)
            let twoSegments = String(repeating: "a", count: 200)
            let updates = try await Self.collect(
                harness.client.bulkSendSms(
                    BulkSendSmsRequest(
                        fromNumbers: Array(MessagingHarness.bulkSenders.prefix(2)),
                        bodyTemplate: twoSegments,
                        recipients: (0..<60).map { BulkRecipient(to: "+1415555\(String(2000 + $0))") },
                        messagesPerSecond: 40
                    )
                )
            )
            #expect(updates.count == 60)
            #expect(updates.allSatisfy { $0.result.numSegments == 2 })

            // 2 segments at 40 per second: one message every 50 ms per sender.
            for sender in MessagingHarness.bulkSenders.prefix(2) {
                let times = harness.sandbox.receivedRequests.filter { $0.formValue("From") == sender }.map(\.receivedAt)
                #expect(times.count == 30)
                let span = try #require(times.last) - (try #require(times.first))
                #expect(span >= .milliseconds(29 * 50 - 30))
                #expect(PaceCheck.mostInAnyWindow(times, window: .seconds(1)) <= PaceCheck.allowed(perSecond: 20))
            }
        }
    }

    @Test("cancelling the stream stops sending: nothing is sent after the cancellation")
    func cancellation() async throws {
        try await MessagingHarness.with(MessagingHarness.configuration(timings: .frozen)) { harness in
            let request = BulkSendSmsRequest(
                fromNumbers: [MessagingHarness.sender],
                bodyTemplate: "x",
                recipients: (0..<200).map { BulkRecipient(to: "+1415555\(String(3000 + $0))") },
                messagesPerSecond: 20,
                maxConcurrency: 4
            )
            var received = 0
            for try await _ in harness.client.bulkSendSms(request) {
                received += 1
                if received == 5 {
                    break
                }
            }
            let settled = try await eventually(within: .seconds(2)) { harness.sandbox.receivedRequests.count >= 5 }
            #expect(settled)
            try await Task.sleep(for: .milliseconds(300))
            let afterCancel = harness.sandbox.receivedRequests.count
            try await Task.sleep(for: .milliseconds(500))
            #expect(harness.sandbox.receivedRequests.count == afterCancel)
            #expect(afterCancel <= 5 + 4)
        }
    }

    @Test("two concurrent bulk sends from one number keep its pace together")
    func paceHeldAcrossCalls() async throws {
        try await MessagingHarness.with(MessagingHarness.configuration(timings: .frozen)) { harness in
            _ = try await Self.openConnections(harness)
            let sender = MessagingHarness.bulkSenders[3]
            func request(_ first: Int) -> BulkSendSmsRequest {
                BulkSendSmsRequest(
                    fromNumbers: [sender],
                    bodyTemplate: "x",
                    recipients: (0..<15).map { BulkRecipient(to: "+1415556\(String(first + $0))") },
                    messagesPerSecond: 20
                )
            }
            async let first = Self.collect(harness.client.bulkSendSms(request(1000)))
            async let second = Self.collect(harness.client.bulkSendSms(request(2000)))
            let counts = try await (first.count, second.count)
            #expect(counts == (15, 15))

            // 20 per second for the number, not 20 per call: 30 messages take at least 29 slots of 50 ms.
            let times = harness.sandbox.receivedRequests.filter { $0.formValue("From") == sender }.map(\.receivedAt)
            #expect(times.count == 30)
            let span = try #require(times.max()) - (try #require(times.min()))
            #expect(span >= .milliseconds(29 * 50 - 30))
            #expect(PaceCheck.mostInAnyWindow(times, window: .seconds(1)) <= PaceCheck.allowed(perSecond: 20))
        }
    }

    @Test("a shutdown stops a bulk send at once: ABORTED, not retryable, saying how many were sent")
    func shutdownStopsSending() async throws {
        try await MessagingHarness.with(MessagingHarness.configuration(timings: .frozen)) { harness in
            let request = BulkSendSmsRequest(
                fromNumbers: [MessagingHarness.sender],
                bodyTemplate: "x",
                recipients: (0..<100).map { BulkRecipient(to: "+1415557\(String(1000 + $0))") },
                messagesPerSecond: 10,
                maxConcurrency: 4
            )
            var updates: [BulkSendSmsUpdate] = []
            let error = await #expect(throws: RPCError.self) {
                for try await update in harness.client.bulkSendSms(request) {
                    updates.append(update)
                    if updates.count == 3 {
                        harness.messaging.beginShutdown()
                    }
                }
            }
            let sentBeforeTheEnd = harness.sandbox.receivedRequests.count
            #expect(error?.code == .aborted)
            #expect(error?.isRetryable == false)
            #expect(updates.count == sentBeforeTheEnd)
            #expect(updates.count < 10)
            #expect(updates.allSatisfy { $0.result.outcome == .sent })
            let sent = updates.count
            #expect(
                error?.message == "the gateway is shutting down: \(sent) of 100 recipients were sent and 0 failed; the "
                    + "results above are final, and the \(100 - sent) recipients without a result were not sent: "
                    + "send only those again"
            )

            // Later calls stop before sending anything; the recipients left are never sent.
            let later = await #expect(throws: RPCError.self) {
                _ = try await Self.collect(harness.client.bulkSendSms(request))
            }
            #expect(later?.code == .aborted)
            try await Task.sleep(for: .milliseconds(300))
            #expect(harness.sandbox.receivedRequests.count == sentBeforeTheEnd)
        }
    }

    @Test("a pace outside 0.001 to 1000, other than 0, is INVALID_ARGUMENT naming messages_per_second")
    func paceOutOfRange() async throws {
        try await MessagingHarness.with { harness in
            func request(pace: Double, from sender: String = MessagingHarness.sender) -> BulkSendSmsRequest {
                BulkSendSmsRequest(
                    fromNumbers: [sender],
                    bodyTemplate: "x",
                    recipients: [BulkRecipient(to: "+14155550101")],
                    messagesPerSecond: pace
                )
            }
            for pace in [1e-300, .leastNonzeroMagnitude, 0.0009, 1000.5, 1e300, -1, .nan, .infinity] {
                let error = await #expect(throws: RPCError.self, "pace \(pace)") {
                    _ = try await Self.collect(harness.client.bulkSendSms(request(pace: pace)))
                }
                #expect(error?.code == .invalidArgument)
                #expect(error?.errorDetails?.fieldViolations.map(\.field) == ["messages_per_second"])
            }
            #expect(harness.sandbox.receivedRequests.isEmpty)

            // Each from a number of its own: after its first message, 0.001 holds a sender for 1000 s.
            for (pace, sender) in zip([0.001, 1000], MessagingHarness.bulkSenders.suffix(2)) {
                let updates = try await Self.collect(harness.client.bulkSendSms(request(pace: pace, from: sender)))
                #expect(updates.map(\.result.outcome) == [.sent])
            }
        }
    }

    @Test("a request wrong as a whole is INVALID_ARGUMENT before anything is sent")
    func invalidRequests() async throws {
        let recipient = BulkRecipient(to: "+14155550101")
        let cases: [(BulkSendSmsRequest, [String])] = [
            (BulkSendSmsRequest(bodyTemplate: "x", recipients: [recipient]), ["from"]),
            (
                BulkSendSmsRequest(
                    fromNumbers: [MessagingHarness.sender],
                    messagingServiceSID: MessagingHarness.messagingService,
                    bodyTemplate: "x",
                    recipients: [recipient]
                ),
                ["from"]
            ),
            (BulkSendSmsRequest(fromNumbers: [MessagingHarness.sender], bodyTemplate: "x"), ["recipients"]),
            (
                BulkSendSmsRequest(
                    fromNumbers: [MessagingHarness.sender],
                    bodyTemplate: "Hi {{name",
                    recipients: [recipient]
                ), ["body_template"]
            ),
            (BulkSendSmsRequest(fromNumbers: [MessagingHarness.sender], recipients: [recipient]), ["body_template"]),
            (
                BulkSendSmsRequest(
                    fromNumbers: [MessagingHarness.sender],
                    bodyTemplate: "x",
                    recipients: [recipient],
                    messagesPerSecond: -1,
                    maxConcurrency: 65,
                    maxAttempts: 11
                ),
                ["messages_per_second", "max_concurrency", "max_attempts"]
            ),
        ]
        try await MessagingHarness.with { harness in
            for (request, fields) in cases {
                let error = await #expect(throws: RPCError.self) {
                    _ = try await Self.collect(harness.client.bulkSendSms(request))
                }
                #expect(error?.code == .invalidArgument)
                #expect(error?.errorDetails?.fieldViolations.map(\.field) == fields)
            }
            #expect(harness.sandbox.receivedRequests.isEmpty)
        }
    }
}

/// Measures how fast requests arrived.
enum PaceCheck {
    /// The most requests a sender paced at `perSecond` may have in one second as the sandbox
    /// sees them: the pace over 1.1 seconds, since a request that waits up to 100 ms longer than
    /// its slot (a new connection, a busy machine) shifts the window it starts, plus the one
    /// request at the window's edge.
    static func allowed(perSecond: Double) -> Int {
        Int(perSecond * 1.1) + 1
    }

    /// The most of `times` that fall in any window of length `window` starting at one of them.
    static func mostInAnyWindow(_ times: [ContinuousClock.Instant], window: Duration) -> Int {
        let sorted = times.sorted()
        var most = 0
        var end = 0
        for start in sorted.indices {
            while end < sorted.count, sorted[end] - sorted[start] < window {
                end += 1
            }
            most = max(most, end - start)
        }
        return most
    }
}
