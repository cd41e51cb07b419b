import ProtoBridge
import Testing

@Suite("ProtoMessage encoding failures")
struct ProtoMessageEncodingFailureTests {
    private func encodingError(_ message: ProtoMessage) throws -> ProtoError {
        try #require(throws: ProtoError.self) { try message.serializedBytes() }
    }

    @Test("rejects an unknown type")
    func unknownType() throws {
        let error = try encodingError(ProtoMessage(typeName: "SendSmsRequest", ["to": "+1"]))
        #expect(error.code == .unknownType)
        #expect(error.message.hasPrefix("SendSmsRequest is not a message type of the gateway"))
    }

    @Test("rejects a field the type does not declare")
    func unknownField() throws {
        let error = try encodingError(ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["To": "+1"]))
        #expect(error.code == .unknownField)
        #expect(error.message == "twilio.gateway.v1.SendSmsRequest has no field named To")
    }

    @Test(
        "rejects values of the wrong kind",
        arguments: [
            ("to", ProtoValue.int(1), "field twilio.gateway.v1.SendSmsRequest.to needs a string, got an int"),
            ("to", ProtoValue.list(["a"]), "field twilio.gateway.v1.SendSmsRequest.to needs a string, got a list"),
            (
                "media_urls", ProtoValue.string("a"),
                "field twilio.gateway.v1.SendSmsRequest.media_urls is repeated and needs a list, got a string"
            ),
            (
                "media_urls", ProtoValue.list([1]),
                "field twilio.gateway.v1.SendSmsRequest.media_urls[0] needs a string, got an int"
            ),
        ]
    )
    func wrongKind(field: String, value: ProtoValue, message: String) throws {
        var request = ProtoMessage(typeName: ProtoTypes.sendSmsRequest)
        request[field] = value
        let error = try encodingError(request)

        #expect(error.code == .typeMismatch)
        #expect(error.message == message)
    }

    @Test("rejects numbers of the wrong kind and nested messages of the wrong type")
    func wrongNumbersAndMessages() throws {
        #expect(
            try encodingError(ProtoMessage(typeName: ProtoTypes.errorDetails, ["twilio_code": .uint(1)])).code
                == .typeMismatch
        )
        #expect(
            try encodingError(ProtoMessage(typeName: ProtoTypes.errorDetails, ["retryable": 1])).code == .typeMismatch
        )
        #expect(
            try encodingError(ProtoMessage(typeName: ProtoTypes.healthCheckResponse, ["status": 1])).code
                == .typeMismatch
        )
        let wrongType = ProtoMessage(
            typeName: ProtoTypes.errorDetails,
            ["field_violations": [.message(ProtoMessage(typeName: ProtoTypes.message, ["sid": "x"]))]]
        )
        let error = try encodingError(wrongType)
        #expect(error.message.contains("needs a twilio.gateway.v1.FieldViolation message"))
    }

    @Test("rejects an int32 out of range", arguments: [Int64(Int32.max) + 1, Int64(Int32.min) - 1, .max])
    func outOfRange(value: Int64) throws {
        let error = try encodingError(ProtoMessage(typeName: ProtoTypes.message, ["num_segments": .int(value)]))
        #expect(error.code == .valueOutOfRange)
        #expect(error.message.contains("twilio.gateway.v1.Message.num_segments holds \(value)"))
    }

    @Test("reports an error deep inside a nested message, freeing what was built")
    func nestedFailure() throws {
        let details = ProtoMessage(
            typeName: ProtoTypes.errorDetails,
            [
                "twilio_message": "built before the failure",
                "field_violations": [
                    .message(ProtoMessage(typeName: ProtoTypes.fieldViolation, ["field": "to"])),
                    .message(ProtoMessage(typeName: ProtoTypes.fieldViolation, ["description": 7])),
                ],
            ]
        )
        let error = try encodingError(details)
        #expect(error.message == "field twilio.gateway.v1.FieldViolation.description needs a string, got an int")
    }

    @Test("rejects U+0000 in a string, which protobuf-c would cut short")
    func embeddedNUL() throws {
        let error = try encodingError(ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["body": "a\u{0}b"]))
        #expect(error.code == .unsupportedCharacter)
        #expect(error.message.contains("SendSmsRequest.body holds U+0000"))
    }

    @Test("describes errors with their code")
    func description() {
        let error = ProtoError(code: .invalidUTF8, message: "field x is not valid UTF-8")
        #expect(error.description == "invalid UTF-8: field x is not valid UTF-8")
    }
}
