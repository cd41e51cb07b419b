import Foundation
import GatewayAPI
import GatewayClient
import Testing
import TwilioSandbox

@Suite("BulkSendSms acceptance: 10,000 recipients")
struct BulkAcceptanceTests {
    static let recipients = 10_000
    static let pace = 100.0

    @Test("with 2% injected 20429s: everyone reported once, nobody sent twice, every sender's pace held")
    func tenThousand() async throws {
        let faults = SandboxFaults(rateLimitFraction: 0.02, seed: 2024)
        let configuration = MessagingHarness.configuration(faults: faults, timings: .frozen)
        try await MessagingHarness.with(configuration) { harness in
            let request = BulkSendSmsRequest(
                fromNumbers: MessagingHarness.bulkSenders,
                bodyTemplate: "Hello {{n}}, the sale starts now",
                recipients: (0..<Self.recipients).map {
                    BulkRecipient(to: "+1555" + String(1_000_000 + $0), variables: ["n": String($0)])
                },
                messagesPerSecond: Self.pace,
                maxConcurrency: 32
            )

            var seen = Set<Int32>()
            var reportedTwice = 0
            var last = BulkProgress()
            for try await update in harness.client.bulkSendSms(request) {
                if !seen.insert(update.result.index).inserted {
                    reportedTwice += 1
                }
                last = update.progress
            }

            #expect(reportedTwice == 0)
            #expect(seen.count == Self.recipients)
            #expect(last.remaining == 0)
            #expect(last.sent == Int32(Self.recipients))
            #expect(last.retries > 0)

            let messages = harness.sandbox.messages()
            #expect(messages.count == Self.recipients)
            let perRecipient = Dictionary(grouping: messages, by: \.to).mapValues(\.count)
            #expect(perRecipient.count == Self.recipients)
            #expect(perRecipient.values.allSatisfy { $0 == 1 })

            let requests = harness.sandbox.receivedRequests
            #expect(requests.filter { $0.responseStatus == 429 }.count == Int(last.retries))
            let bySender = Dictionary(grouping: requests) { $0.formValue("From") ?? "" }
            #expect(bySender.count == MessagingHarness.bulkSenders.count)
            let allowed = PaceCheck.allowed(perSecond: Self.pace)
            for (sender, received) in bySender {
                let most = PaceCheck.mostInAnyWindow(received.map(\.receivedAt), window: .seconds(1))
                #expect(most <= allowed, "\(sender) sent \(most) in one second")
            }
        }
    }
}
