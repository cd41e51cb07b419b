import GatewayAPI
import GraphQL
import Testing

@testable import GraphQLGateway
@testable import ProtoBridge

/// GraphQL values to messages and back, for field kinds the exposed methods do not use.
@Suite("Message conversion")
struct MessageConversionTests {
    static let catalog: ProtoSchema = {
        do {
            return try ProtoFixtures.catalog.withUnsafeBytes { try SchemaLoader.load($0) }
        } catch {
            fatalError("the catalog fixture does not load: \(error)")
        }
    }()

    static func info(_ name: String, in schema: ProtoSchema = catalog) throws -> ProtoMessageInfo {
        try #require(schema.message(named: name))
    }

    @Test("every kind of result field, set and unset")
    func output() throws {
        let converter = OutputConverter(schema: Self.catalog)
        var item = ProtoMessage(typeName: "fixture.v1.Item")
        item["stock"] = .int(-9_007_199_254_740_993)
        item["weight"] = .uint(4_294_967_295)
        item["thumbnail"] = .bytes([0xFB, 0xFF])
        item["kind"] = .enumValue(1)
        item["labels"] = .list([
            .message(ProtoMessage(typeName: "fixture.v1.Item.LabelsEntry", ["key": "a", "value": 3]))
        ])
        item["parts"] = .list([.message(ProtoMessage(typeName: "fixture.v1.Item.Dimensions", ["depth": .uint(9)]))])
        item["ratio"] = .float(0.5)
        item["team"] = "core"

        let value = converter.value(of: item, as: try Self.info("fixture.v1.Item"))

        #expect(
            value == [
                "sid": "", "stock": "-9007199254740993", "weight": "4294967295", "thumbnail": "+/8=", "kind": 1,
                "labels": [["key": "a", "value": 3]], "size": nil, "parts": [["width": 0, "depth": "9"]], "note": nil,
                "price": 0.0, "ratio": 0.5, "state": 0, "person": nil, "team": "core",
            ]
        )
    }

    @Test("every kind of input field")
    func input() throws {
        let converter = InputConverter(schema: Self.catalog)
        let object: GraphQLObject = [
            "sid": "IT1", "stock": "-5", "weight": "4294967295", "thumbnail": "-_8", "kind": 1,
            "labels": [["key": "a", "value": 3]], "size": ["width": -2, "depth": "18446744073709551615"],
            "note": nil, "price": 2, "ratio": 0.25, "team": "core",
        ]

        let message = try converter.message(
            from: object,
            as: try Self.info("fixture.v1.Item"),
            at: InputConverter.Place(graphQL: "input", proto: "")
        )

        var expected = ProtoMessage(typeName: "fixture.v1.Item")
        expected["sid"] = "IT1"
        expected["stock"] = .int(-5)
        expected["weight"] = .uint(4_294_967_295)
        expected["thumbnail"] = .bytes([0xFB, 0xFF])
        expected["kind"] = .enumValue(1)
        expected["labels"] = .list([
            .message(ProtoMessage(typeName: "fixture.v1.Item.LabelsEntry", ["key": "a", "value": 3]))
        ])
        expected["size"] = .message(
            ProtoMessage(typeName: "fixture.v1.Item.Dimensions", ["width": -2, "depth": .uint(UInt64.max)])
        )
        expected["price"] = .double(2)
        expected["ratio"] = .float(0.25)
        expected["team"] = "core"
        #expect(message == expected)
    }

    static let refusals: [(GraphQLObject, String)] = [
        (["weight": "4294967296"], "input.weight is 4294967296, more than the largest uint32 value, 4294967295."),
        (["ratio": 1e39], "input.ratio is 1e+39, beyond the range of a float."),
        (
            ["person": "a", "team": "b"],
            "Only one of person, team may be set in input (they are the alternatives of oneof owner), "
                + "but person and team were given."
        ),
        (
            ["parts": [["width": 1], ["width": 2, "depth": "x"]]],
            "input.parts[1].depth has a value of the wrong kind for its type."
        ),
    ]

    @Test("values that do not fit their field are refused with the field's path", arguments: refusals)
    func refused(object: GraphQLObject, message: String) throws {
        let converter = InputConverter(schema: Self.catalog)

        let error = try #require(throws: GatewayInputError.self) {
            try converter.message(
                from: object,
                as: try Self.info("fixture.v1.Item"),
                at: InputConverter.Place(graphQL: "input", proto: "")
            )
        }

        #expect(error.message == message)
    }

    @Test("a violation in a nested message names its path")
    func nestedPath() throws {
        let converter = InputConverter(schema: Self.catalog)

        let error = try #require(throws: GatewayInputError.self) {
            try converter.message(
                from: ["size": ["depth": "x"]],
                as: try Self.info("fixture.v1.PriceItemRequest"),
                at: InputConverter.Place(graphQL: "", proto: "")
            )
        }

        #expect(error.message == "size.depth has a value of the wrong kind for its type.")
        #expect(error.violations.map(\.field) == ["size.depth"])
    }

    @Test("Int64 and map fields of the gateway's own messages survive the wire")
    func gatewayMessages() throws {
        let input = InputConverter(schema: .gateway)
        let output = OutputConverter(schema: .gateway)
        let info = try Self.info("twilio.gateway.v1.Event", in: .gateway)
        let object: GraphQLObject = [
            "offset": "9007199254740993", "type": "sms.inbound",
            "parameters": [["key": "Body", "value": "hi"], ["key": "From", "value": "+15551234567"]],
        ]

        let message = try input.message(from: object, as: info, at: InputConverter.Place(graphQL: "", proto: ""))
        let decoded = try Event(serializedBytes: message.serializedBytes())
        let back = output.value(
            of: try ProtoMessage(serializedBytes: message.serializedBytes(), typeName: info.fullName),
            as: info
        )

        #expect(decoded.offset == 9_007_199_254_740_993)
        #expect(decoded.parameters == ["Body": "hi", "From": "+15551234567"])
        #expect(back["offset"] == "9007199254740993")
        #expect(back["parameters"] == [["key": "Body", "value": "hi"], ["key": "From", "value": "+15551234567"]])
        #expect(back["callSid"] == "")
    }
}
