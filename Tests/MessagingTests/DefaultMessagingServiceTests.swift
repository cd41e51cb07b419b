import Foundation
import GatewayAPI
import GatewayClient
import GatewayServices
import RPCCore
import ServiceSupport
import Testing
import TwilioREST
import TwilioSandbox

/// A Messaging service with a default Messaging Service SID, against the sandbox.
@Suite("Messaging's default Messaging Service SID")
struct DefaultMessagingServiceTests {
    @Test("SendSms and BulkSendSms without a sender go through the default Messaging Service")
    func defaultUsed() async throws {
        let sandbox = try TwilioSandbox(configuration: MessagingHarness.configuration())
        try sandbox.start()
        defer { sandbox.stop() }
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = sandbox.baseURL ?? ""
        let twilio = try TwilioClient(
            configuration: configuration,
            credentials: StaticCredentialSource(
                TwilioCredentials(accountSID: sandbox.account.sid, authToken: sandbox.account.authToken)
            )
        )
        var router = RPCRouter()
        MessagingService(twilio: twilio, defaultMessagingServiceSID: MessagingHarness.messagingService)
            .register(in: &router)
        let client = GatewayClient(
            transport: InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
        )

        let message = try await client.sendSms(SendSmsRequest(to: "+15551234567", body: "hi"))
        #expect(message.messagingServiceSID == MessagingHarness.messagingService)
        let own = try await client.sendSms(
            SendSmsRequest(to: "+15551234568", sender: .from(MessagingHarness.sender), body: "hi")
        )
        #expect(own.from == MessagingHarness.sender)
        for try await update in client.bulkSendSms(
            BulkSendSmsRequest(
                bodyTemplate: "hi",
                recipients: [BulkRecipient(to: "+15551234569")],
                messagesPerSecond: 0
            )
        ) {
            #expect(update.result.outcome == .sent, "\(update)")
        }

        let services = sandbox.receivedRequests.map { $0.formValue("MessagingServiceSid") }
        #expect(services == [MessagingHarness.messagingService, nil, MessagingHarness.messagingService])
    }
}
