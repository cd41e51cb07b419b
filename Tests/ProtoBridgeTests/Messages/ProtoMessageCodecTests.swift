import ProtoBridge
import Testing

@Suite("ProtoMessage encoding and decoding")
struct ProtoMessageCodecTests {
    /// A message, and its encoding worked out by hand from the Protobuf encoding rules.
    struct Vector: CustomStringConvertible, Sendable {
        var name: String
        var message: ProtoMessage
        var bytes: [UInt8]

        var description: String { name }
    }

    static let vectors: [Vector] = [
        Vector(name: "empty", message: ProtoMessage(typeName: ProtoTypes.sendSmsRequest), bytes: []),
        Vector(
            name: "strings and a oneof",
            message: ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["to": "+1", "from": "x"]),
            bytes: hex("0a 02 2b31  12 01 78")
        ),
        Vector(
            name: "empty oneof member is written",
            message: ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["messaging_service_sid": ""]),
            bytes: hex("1a 00")
        ),
        Vector(
            name: "fields in number order whatever the order they were set in",
            message: ProtoMessage(
                typeName: ProtoTypes.sendSmsRequest,
                ["status_callback": "c", "media_urls": ["m"], "body": "b", "to": "t"]
            ),
            bytes: hex("0a 01 74  22 01 62  2a 01 6d  32 01 63")
        ),
        Vector(
            name: "repeated strings keep empty elements",
            message: ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["media_urls": ["", "a", ""]]),
            bytes: hex("2a 00  2a 01 61  2a 00")
        ),
        Vector(
            name: "int64 maximum",
            message: ProtoMessage(typeName: ProtoTypes.event, ["offset": .int(.max)]),
            bytes: hex("08 ffffffffffffffff7f")
        ),
        Vector(
            name: "int64 minimum",
            message: ProtoMessage(typeName: ProtoTypes.event, ["offset": .int(.min)]),
            bytes: hex("08 80808080808080808001")
        ),
        Vector(
            name: "int64 minus one",
            message: ProtoMessage(typeName: ProtoTypes.event, ["offset": -1]),
            bytes: hex("08 ffffffffffffffffff01")
        ),
        Vector(
            name: "negative int32 takes ten bytes",
            message: ProtoMessage(typeName: ProtoTypes.errorDetails, ["twilio_code": .int(Int64(Int32.min))]),
            bytes: hex("08 80808080f8ffffffff01")
        ),
        Vector(
            name: "int32 maximum, bool and int64",
            message: ProtoMessage(
                typeName: ProtoTypes.errorDetails,
                ["twilio_code": .int(Int64(Int32.max)), "retryable": true, "retry_after_ms": 1500]
            ),
            bytes: hex("08 ffffffff07  28 01  30 dc0b")
        ),
        Vector(
            name: "repeated messages, one of them empty",
            message: ProtoMessage(
                typeName: ProtoTypes.errorDetails,
                [
                    "field_violations": [
                        .message(ProtoMessage(typeName: ProtoTypes.fieldViolation, ["field": "to"])),
                        .message(ProtoMessage(typeName: ProtoTypes.fieldViolation)),
                    ]
                ]
            ),
            bytes: hex("3a 04 0a02746f  3a 00")
        ),
        Vector(
            name: "map entries always carry key and value",
            message: ProtoMessage(
                typeName: ProtoTypes.event,
                [
                    "parameters": [
                        .message(ProtoMessage(typeName: ProtoTypes.parametersEntry, ["key": "a"])),
                        .message(ProtoMessage(typeName: ProtoTypes.parametersEntry, ["value": "b"])),
                    ]
                ]
            ),
            bytes: hex("52 05 0a0161 1200  52 05 0a00 120162")
        ),
        Vector(
            name: "an enum",
            message: ProtoMessage(typeName: ProtoTypes.healthCheckResponse, ["status": .enumValue(2)]),
            bytes: hex("08 02")
        ),
        Vector(
            name: "an enum number the enum does not declare",
            message: ProtoMessage(typeName: ProtoTypes.healthCheckResponse, ["status": .enumValue(-3)]),
            bytes: hex("08 fdffffffffffffffff01")
        ),
        Vector(
            name: "unicode text",
            message: ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["body": "héllo 👋 世界"]),
            bytes: [0x22, 18] + Array("héllo 👋 世界".utf8)
        ),
    ]

    @Test("encodes to the expected bytes", arguments: vectors)
    func encodes(vector: Vector) throws {
        #expect(try vector.message.serializedBytes() == vector.bytes)
    }

    @Test("decodes the expected bytes back", arguments: vectors)
    func decodes(vector: Vector) throws {
        let decoded = try ProtoMessage(serializedBytes: vector.bytes, typeName: vector.message.typeName)
        #expect(decoded == vector.message)
    }

    @Test("skips unknown fields of every wire type")
    func unknownFields() throws {
        let known = hex("0a 02 2b31")
        let unknown = hex("98 06 01") + hex("a2 06 03 616263") + hex("a9 06 0102030405060708") + hex("b5 06 01020304")
        let decoded = try ProtoMessage(serializedBytes: unknown + known + unknown, typeName: ProtoTypes.sendSmsRequest)

        #expect(decoded == ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["to": "+1"]))
        #expect(try decoded.serializedBytes() == known)
    }

    @Test("a field repeated on the wire keeps its last value, a oneof its last member")
    func lastValueWins() throws {
        let decoded = try ProtoMessage(
            serializedBytes: hex("0a 01 61  12 01 78  0a 01 62  1a 01 79"),
            typeName: ProtoTypes.sendSmsRequest
        )
        #expect(
            decoded == ProtoMessage(typeName: ProtoTypes.sendSmsRequest, ["to": "b", "messaging_service_sid": "y"])
        )
    }

    @Test("accepts a negative int32 in its short five-byte form too")
    func shortNegativeInt32() throws {
        let decoded = try ProtoMessage(serializedBytes: hex("08 ffffffff0f"), typeName: ProtoTypes.errorDetails)
        #expect(try decoded.int32("twilio_code") == -1)
    }

    @Test("keeps the order and duplicates of map entries as sent")
    func mapEntriesAsSent() throws {
        let decoded = try ProtoMessage(
            serializedBytes: hex("52 06 0a0162 120131  52 06 0a0161 120132  52 06 0a0162 120133"),
            typeName: ProtoTypes.event
        )
        let entries = try decoded.messages("parameters")
        #expect(try entries.map { try $0.string("key") } == ["b", "a", "b"])
        #expect(try entries.map { try $0.string("value") } == ["1", "2", "3"])
    }

    @Test("round-trips every message type with every field set", arguments: ProtoSchema.gateway.messages)
    func everyType(info: ProtoMessageInfo) throws {
        var message = ProtoMessage(typeName: info.fullName)
        for field in info.fields
        where field.oneofName == nil || info.oneof(named: field.oneofName!)?.fieldNames.first == field.name {
            message[field.name] = Self.sample(for: field)
        }
        let decoded = try ProtoMessage(serializedBytes: try message.serializedBytes(), typeName: info.fullName)

        #expect(decoded == message)
        #expect(decoded.fields.count == message.fields.count)
        #expect(!message.fields.isEmpty)
    }

    /// A value that is not the default of `field`'s type.
    private static func sample(for field: ProtoFieldInfo) -> ProtoValue {
        let single: ProtoValue
        switch field.type {
        case .string: single = .string("v\(field.number)")
        case .int32, .int64: single = .int(-Int64(field.number))
        case .bool: single = .bool(true)
        case .double: single = .double(Double(field.number) + 0.5)
        case .enum: single = .enumValue(1)
        case .message(let name):
            let nested = ProtoSchema.gateway.message(named: name)!
            var message = ProtoMessage(typeName: name)
            for nestedField in nested.fields {
                message[nestedField.name] = sample(for: nestedField)
            }
            single = .message(message)
        default: single = .uint(UInt64(field.number))
        }
        return field.isRepeated ? .list([single, single]) : single
    }
}
