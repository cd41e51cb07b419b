import GatewayAPI
import ProtoBridge
import RPCCore
import Testing

@Suite("Gateway methods")
struct GatewayMethodTests {
    /// A method constant with the Swift types of its request and response.
    struct Expected: Sendable, CustomStringConvertible {
        var method: RPCMethod
        var request: any ProtoMessageConvertible.Type
        var response: any ProtoMessageConvertible.Type
        var serverStreaming: Bool

        var description: String { method.path }
    }

    static let expected: [Expected] = [
        Expected(method: .sendSms, request: SendSmsRequest.self, response: Message.self, serverStreaming: false),
        Expected(method: .getMessage, request: GetMessageRequest.self, response: Message.self, serverStreaming: false),
        Expected(
            method: .cancelMessage,
            request: CancelMessageRequest.self,
            response: Message.self,
            serverStreaming: false
        ),
        Expected(
            method: .bulkSendSms,
            request: BulkSendSmsRequest.self,
            response: BulkSendSmsUpdate.self,
            serverStreaming: true
        ),
        Expected(method: .makeCall, request: MakeCallRequest.self, response: Call.self, serverStreaming: false),
        Expected(method: .getCall, request: GetCallRequest.self, response: Call.self, serverStreaming: false),
        Expected(method: .updateCall, request: UpdateCallRequest.self, response: Call.self, serverStreaming: false),
        Expected(
            method: .startVerification,
            request: StartVerificationRequest.self,
            response: Verification.self,
            serverStreaming: false
        ),
        Expected(
            method: .checkVerification,
            request: CheckVerificationRequest.self,
            response: VerificationCheck.self,
            serverStreaming: false
        ),
        Expected(
            method: .getVerification,
            request: GetVerificationRequest.self,
            response: Verification.self,
            serverStreaming: false
        ),
        Expected(
            method: .cancelVerification,
            request: CancelVerificationRequest.self,
            response: Verification.self,
            serverStreaming: false
        ),
        Expected(
            method: .createTotpFactor,
            request: CreateTotpFactorRequest.self,
            response: TotpFactor.self,
            serverStreaming: false
        ),
        Expected(
            method: .verifyTotpFactor,
            request: VerifyTotpFactorRequest.self,
            response: TotpFactor.self,
            serverStreaming: false
        ),
        Expected(
            method: .createTotpChallenge,
            request: CreateTotpChallengeRequest.self,
            response: TotpChallenge.self,
            serverStreaming: false
        ),
        Expected(
            method: .checkTotpChallenge,
            request: CheckTotpChallengeRequest.self,
            response: TotpChallenge.self,
            serverStreaming: false
        ),
        Expected(
            method: .healthCheck,
            request: HealthCheckRequest.self,
            response: HealthCheckResponse.self,
            serverStreaming: false
        ),
        Expected(
            method: .healthWatch,
            request: HealthCheckRequest.self,
            response: HealthCheckResponse.self,
            serverStreaming: true
        ),
        Expected(
            method: .subscribeEvents,
            request: SubscribeEventsRequest.self,
            response: Event.self,
            serverStreaming: true
        ),
        Expected(
            method: .ackEvents,
            request: AckEventsRequest.self,
            response: AckEventsResponse.self,
            serverStreaming: false
        ),
        Expected(
            method: .listEvents,
            request: ListEventsRequest.self,
            response: ListEventsResponse.self,
            serverStreaming: false
        ),
        Expected(
            method: .respondToCall,
            request: RespondToCallRequest.self,
            response: WebhookReply.self,
            serverStreaming: false
        ),
        Expected(
            method: .replyToMessage,
            request: ReplyToMessageRequest.self,
            response: WebhookReply.self,
            serverStreaming: false
        ),
    ]

    @Test("each constant names a method of the schema with the right types and streaming", arguments: expected)
    func matchesSchema(expected: Expected) throws {
        let service = try #require(ProtoSchema.gateway.service(named: expected.method.service))
        let method = try #require(service.method(named: expected.method.name))

        #expect(method.inputTypeName == expected.request.protoTypeName)
        #expect(method.outputTypeName == expected.response.protoTypeName)
        #expect(method.serverStreaming == expected.serverStreaming)
        #expect(!method.clientStreaming)
    }

    @Test("gatewayMethods lists every method of the schema once, in order")
    func everyMethodListed() {
        let schemaMethods = ProtoSchema.gateway.services.flatMap { service in
            service.methods.map { RPCMethod(service: service.fullName, name: $0.name) }
        }
        #expect(RPCMethod.gatewayMethods == schemaMethods)
        #expect(Set(Self.expected.map(\.method)) == Set(schemaMethods))
    }

    @Test("paths are as the wire spells them")
    func paths() {
        #expect(RPCMethod.sendSms.path == "/twilio.gateway.v1.Messaging/SendSms")
        #expect(RPCMethod.healthWatch.path == "/twilio.gateway.v1.Health/Watch")
        #expect(RPCMethod.subscribeEvents.path == "/twilio.gateway.v1.Events/SubscribeEvents")
    }
}
