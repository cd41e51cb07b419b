import GatewayAPI
import ProtoBridge
import Testing

@Suite("Typed gateway messages")
struct GatewayMessageRoundTripTests {
    @Test("round-trip through bytes", arguments: GatewaySamples.all)
    func bytesRoundTrip(sample: GatewaySample) throws {
        let decoded = try sample.decode(try sample.value.serializedBytes())
        #expect(sample.matches(decoded))
    }

    @Test("round-trip through ProtoMessage", arguments: GatewaySamples.all)
    func messageRoundTrip(sample: GatewaySample) throws {
        let message = sample.value.protoMessage
        #expect(message.typeName == type(of: sample.value).protoTypeName)
        #expect(sample.matches(try sample.convert(message)))
    }

    @Test("name a message type of the schema", arguments: GatewaySamples.all)
    func typeNames(sample: GatewaySample) {
        #expect(ProtoSchema.gateway.message(named: type(of: sample.value).protoTypeName) != nil)
    }

    @Test("cover every message type of the schema except map entries")
    func everyTypeCovered() {
        let covered = Set(GatewaySamples.all.map { type(of: $0.value).protoTypeName })
        let expected = Set(ProtoSchema.gateway.messages.filter { !$0.isMapEntry }.map(\.fullName))
        #expect(covered == expected)
    }

    @Test("write fields the way the .proto files number them")
    func fieldMapping() throws {
        let request = SendSmsRequest(
            to: "t",
            sender: .messagingServiceSID("m"),
            body: "b",
            mediaURLs: ["u"],
            statusCallback: "c"
        )
        #expect(
            try request.serializedBytes() == [
                0x0a, 1, 0x74, 0x1a, 1, 0x6d, 0x22, 1, 0x62, 0x2a, 1, 0x75, 0x32, 1, 0x63,
            ]
        )
        #expect(try SendSmsRequest(sender: .from("f")).serializedBytes() == [0x12, 1, 0x66])
        #expect(try MakeCallRequest(instructions: .twiml("x")).serializedBytes() == [0x22, 1, 0x78])
        #expect(try MakeCallRequest(instructions: .twimlURL("x")).serializedBytes() == [0x1a, 1, 0x78])
        #expect(try CheckVerificationRequest(target: .verificationSID("v")).serializedBytes() == [0x1a, 1, 0x76])
        #expect(try ErrorDetails(retryAfterMilliseconds: 1).serializedBytes() == [0x30, 1])
    }

    @Test("tell an empty oneof member from an unset oneof")
    func emptyOneofMember() throws {
        let empty = try SendSmsRequest(serializedBytes: try SendSmsRequest(sender: .from("")).serializedBytes())
        #expect(empty.sender == .from(""))
        #expect(try SendSmsRequest(serializedBytes: []).sender == nil)
    }

    @Test("encode map parameters in key order")
    func parameterOrder() throws {
        let event = Event(parameters: ["b": "2", "a": "1", "B": "3"])
        let entries = try event.protoMessage.messages("parameters")
        #expect(try entries.map { try $0.string("key") } == ["B", "a", "b"])
    }

    @Test("keep the last value of a map key sent twice")
    func repeatedMapKey() throws {
        let bytes: [UInt8] = [0x52, 6, 0x0a, 1, 0x6b, 0x12, 1, 0x31, 0x52, 6, 0x0a, 1, 0x6b, 0x12, 1, 0x32]
        #expect(try Event(serializedBytes: bytes).parameters == ["k": "2"])
    }

    @Test("keep serving status numbers this version does not name")
    func unknownServingStatus() throws {
        let response = try HealthCheckResponse(serializedBytes: [0x08, 0x07])
        #expect(response.status.rawValue == 7)
        #expect(response.status.description == "SERVING_STATUS_7")
        #expect(try response.serializedBytes() == [0x08, 0x07])
        #expect(HealthCheckResponse.ServingStatus.serviceUnknown.description == "SERVICE_UNKNOWN")
    }

    @Test("refuse a ProtoMessage of another type")
    func wrongType() throws {
        let error = try #require(throws: ProtoError.self) {
            try Message(protoMessage: SendSmsRequest(to: "+1").protoMessage)
        }
        #expect(error.code == .typeMismatch)
    }

    @Test("refuse bytes that are not the type")
    func invalidBytes() throws {
        let error = try #require(throws: ProtoError.self) { try Message(serializedBytes: [0x0a, 0x05]) }
        #expect(error.code == .invalidEncoding)
    }
}
