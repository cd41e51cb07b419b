import Testing
import TwilioSandbox

@Suite("SandboxMessage.Status")
struct SandboxMessageStatusTests {
    @Test("walks the delivery path from accepted to delivered")
    func deliveryPath() {
        var path: [SandboxMessage.Status] = [.accepted]
        while let next = path.last?.nextOnDelivery {
            path.append(next)
        }
        #expect(path == [.accepted, .queued, .sending, .sent, .delivered])
        #expect(path.last?.isFinal == true)
        #expect(path.dropLast().allSatisfy { !$0.isFinal })
    }

    @Test(
        "has no delivery step out of a final or inbound status",
        arguments: ["undelivered", "failed", "canceled", "received"]
    )
    func finalStatuses(raw: String) {
        let status = SandboxMessage.Status(rawValue: raw)
        #expect(status.nextOnDelivery == nil)
        #expect(status.isFinal)
    }
}
