import ProtoBridge
import Testing

@Suite("ProtoMessage fields")
struct ProtoMessageTests {
    @Test("setting one member of a oneof clears the others")
    func oneofClearing() {
        var request = ProtoMessage(typeName: ProtoTypes.sendSmsRequest)
        request["from"] = "+15550001111"
        request["to"] = "+15552223333"
        request["messaging_service_sid"] = "MG00000000000000000000000000000000"

        #expect(request["from"] == nil)
        #expect(request["messaging_service_sid"] == "MG00000000000000000000000000000000")
        #expect(request["to"] == "+15552223333")

        request["from"] = ""
        #expect(request["messaging_service_sid"] == nil)
        #expect(request["from"] == .string(""), "a oneof member keeps an empty value: it has presence")
    }

    @Test("a field without presence set to its default is unset")
    func defaultsAreUnset() {
        var message = ProtoMessage(typeName: ProtoTypes.message)
        message["body"] = ""
        message["num_segments"] = 0
        message["to"] = "+1"
        #expect(message.fields == ["to": "+1"])

        var details = ProtoMessage(typeName: ProtoTypes.errorDetails)
        details["retryable"] = false
        details["field_violations"] = []
        #expect(details.fields.isEmpty)

        var response = ProtoMessage(typeName: ProtoTypes.healthCheckResponse)
        response["status"] = .enumValue(0)
        #expect(response.fields.isEmpty)
    }

    @Test("a default of the wrong kind is kept, so encoding can report it")
    func wrongKindDefaultKept() {
        var message = ProtoMessage(typeName: ProtoTypes.message)
        message["num_segments"] = ""
        #expect(message["num_segments"] == "")
    }

    @Test("setting nil unsets a field")
    func settingNil() {
        var message = ProtoMessage(typeName: ProtoTypes.message, ["sid": "SM1", "body": "hi"])
        message["sid"] = nil
        #expect(message.fields == ["body": "hi"])
    }

    @Test("the pairs initializer applies values in order")
    func pairsInitializer() {
        let request = ProtoMessage(
            typeName: ProtoTypes.sendSmsRequest,
            ["messaging_service_sid": "MG1", "from": "+1", "body": ""]
        )
        #expect(request.fields == ["from": "+1"])
    }

    @Test("typed accessors read values and report the wrong kind")
    func accessors() throws {
        let message = ProtoMessage(
            typeName: ProtoTypes.message,
            ["sid": "SM1", "num_media": 3, "error_code": .int(1 << 40)]
        )

        #expect(try message.string("sid") == "SM1")
        #expect(try message.string("body") == nil)
        #expect(try message.int("num_media") == 3)
        #expect(try message.int32("num_media") == 3)
        #expect(try message.int32("num_segments") == nil)
        #expect(throws: ProtoError.self) { try message.int32("error_code") }
        let error = try #require(throws: ProtoError.self) { try message.bool("sid") }
        #expect(error.code == .typeMismatch)
        #expect(error.message == "field twilio.gateway.v1.Message.sid holds a string, not a bool")
    }

    @Test("list accessors read repeated fields, empty when unset")
    func listAccessors() throws {
        let request = ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["media_urls": ["a", "b"]])
        #expect(try request.strings("media_urls") == ["a", "b"])
        #expect(try request.list("media_urls") == ["a", "b"])
        #expect(try ProtoMessage(typeName: ProtoTypes.sendSmsRequest).strings("media_urls") == [])

        let mixed = ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["media_urls": ["a", 1]])
        #expect(throws: ProtoError.self) { try mixed.strings("media_urls") }
        #expect(throws: ProtoError.self) { try mixed.messages("media_urls") }
    }

    @Test("expectType accepts only the message's own type")
    func expectType() throws {
        let message = ProtoMessage(typeName: ProtoTypes.message)
        try message.expectType(ProtoTypes.message)
        let error = try #require(throws: ProtoError.self) { try message.expectType(ProtoTypes.event) }
        #expect(error.code == .typeMismatch)
    }

    @Test("ProtoValue accessors return nil for other cases")
    func valueAccessors() {
        let value: ProtoValue = .uint(7)
        #expect(value.uintValue == 7)
        #expect(value.intValue == nil)
        #expect(ProtoValue.float(1.5).floatValue == 1.5)
        #expect(ProtoValue.double(2.5).doubleValue == 2.5)
        #expect(ProtoValue.bytes([1]).bytesValue == [1])
        #expect(ProtoValue.enumValue(2).enumNumber == 2)
        #expect(ProtoValue.bool(true).stringValue == nil)
    }
}
