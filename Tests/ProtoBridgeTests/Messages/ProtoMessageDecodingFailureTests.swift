import ProtoBridge
import Testing

@Suite("ProtoMessage decoding failures")
struct ProtoMessageDecodingFailureTests {
    private static let richEvent = ProtoMessage(
        typeName: ProtoTypes.event,
        [
            "offset": .int(.min), "type": "sms.inbound", "from": "+15550001111", "status": "received",
            "parameters": [
                .message(ProtoMessage(typeName: ProtoTypes.parametersEntry, ["key": "Body", "value": "héllo"])),
                .message(ProtoMessage(typeName: ProtoTypes.parametersEntry, ["key": "NumMedia", "value": "0"])),
            ],
        ]
    )

    private func decodingError(_ bytes: [UInt8], as typeName: String) throws -> ProtoError {
        try #require(throws: ProtoError.self) {
            try ProtoMessage(serializedBytes: bytes, typeName: typeName)
        }
    }

    @Test(
        "rejects malformed bytes",
        arguments: [
            ("a tag without its value", hex("0a")),
            ("a length past the end", hex("0a 05 6162")),
            ("an unfinished varint", hex("08 ff")),
            ("a varint longer than ten bytes", hex("08 ffffffffffffffffffff01")),
            ("a string sent as a varint", hex("0a 01")),
            ("an unfinished fixed64 of an unknown field", hex("f9 07 0102")),
            ("a start-group wire type", hex("0b")),
            ("a map entry cut short", hex("52 04 0a0161")),
        ]
    )
    func malformed(_ name: String, bytes: [UInt8]) throws {
        let typeName = name.contains("map") ? ProtoTypes.event : ProtoTypes.sendSmsRequest
        #expect(try decodingError(bytes, as: typeName).code == .invalidEncoding)
    }

    @Test("every prefix of a valid message decodes or fails with ProtoError")
    func everyPrefix() throws {
        let bytes = try Self.richEvent.serializedBytes()
        var failures = 0
        for length in 0..<bytes.count {
            do {
                _ = try ProtoMessage(serializedBytes: Array(bytes[..<length]), typeName: ProtoTypes.event)
            } catch let error as ProtoError {
                #expect(error.code == .invalidEncoding || error.code == .invalidUTF8, "prefix of \(length) bytes")
                failures += 1
            }
        }
        #expect(failures > bytes.count / 2, "most prefixes cut a field in half")
    }

    @Test("pseudo-random bytes never crash the decoder", arguments: ProtoSchema.gateway.messages.map(\.fullName))
    func garbage(typeName: String) {
        var generator = SplitMix64(seed: UInt64(truncatingIfNeeded: typeName.utf8.count))
        for _ in 0..<300 {
            let count = Int(generator.next() % 64)
            let bytes = (0..<count).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            do {
                let message = try ProtoMessage(serializedBytes: bytes, typeName: typeName)
                #expect(message.typeName == typeName)
            } catch let error as ProtoError {
                #expect([.invalidEncoding, .invalidUTF8, .unsupportedCharacter].contains(error.code))
            } catch {
                Issue.record("unexpected error \(error)")
            }
        }
    }

    @Test("rejects a message over the size limit before parsing it")
    func oversized() throws {
        let limit = ProtoDecodingOptions().maxMessageSize
        #expect(limit == 4 * 1024 * 1024)

        let huge = [UInt8](repeating: 0, count: limit + 1)
        let error = try decodingError(huge, as: ProtoTypes.sendSmsRequest)
        #expect(error.code == .messageTooLarge)
        #expect(error.message.contains("\(limit + 1) bytes"))

        let small = ProtoDecodingOptions(maxMessageSize: 4)
        #expect(throws: ProtoError.self) {
            try ProtoMessage(serializedBytes: hex("0a 03 616263"), typeName: ProtoTypes.sendSmsRequest, options: small)
        }
        let fits = try ProtoMessage(
            serializedBytes: hex("0a 02 6162"),
            typeName: ProtoTypes.sendSmsRequest,
            options: small
        )
        #expect(fits["to"] == "ab")
    }

    @Test(
        "rejects string fields that are not UTF-8",
        arguments: [
            ("a stray continuation byte", hex("80")),
            ("an invalid byte", hex("ff")),
            ("an overlong slash", hex("c0 af")),
            ("a UTF-16 surrogate", hex("ed a0 80")),
            ("a truncated euro sign", hex("e2 82")),
            ("a code point past U+10FFFF", hex("f4 90 80 80")),
        ]
    )
    func invalidUTF8(_ name: String, text: [UInt8]) throws {
        let bytes = [0x22, UInt8(text.count)] + text
        let error = try decodingError(bytes, as: ProtoTypes.sendSmsRequest)

        #expect(error.code == .invalidUTF8)
        #expect(
            error.message == "field twilio.gateway.v1.SendSmsRequest.body is not valid UTF-8; string fields must be"
        )
    }

    @Test("rejects invalid UTF-8 in repeated, oneof and nested string fields")
    func invalidUTF8Everywhere() throws {
        #expect(
            try decodingError(hex("2a 01 61  2a 01 ff"), as: ProtoTypes.sendSmsRequest).message.contains(
                "media_urls[1]"
            )
        )
        #expect(try decodingError(hex("12 01 ff"), as: ProtoTypes.sendSmsRequest).message.contains(".from "))
        let mapValue = try decodingError(hex("52 06 0a0161 1201ff"), as: ProtoTypes.event)
        #expect(mapValue.code == .invalidUTF8)
        #expect(mapValue.message.contains("twilio.gateway.v1.Event.ParametersEntry.value"))
        let violation = try decodingError(hex("3a 03 0a01c3"), as: ProtoTypes.errorDetails)
        #expect(violation.message.contains("twilio.gateway.v1.FieldViolation.field"))
    }

    @Test("rejects U+0000 in strings instead of cutting them short")
    func embeddedNUL() throws {
        let error = try decodingError(hex("0a 03 610062"), as: ProtoTypes.sendSmsRequest)
        #expect(error.code == .unsupportedCharacter)
        #expect(error.message.contains("SendSmsRequest.to"))
        #expect(try decodingError(hex("0a 01 00"), as: ProtoTypes.sendSmsRequest).code == .unsupportedCharacter)
    }

    @Test("rejects an unknown type name")
    func unknownType() throws {
        let error = try decodingError([], as: "twilio.gateway.v1.Nope")
        #expect(error.code == .unknownType)
    }
}

/// A small deterministic generator, so failures reproduce.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
