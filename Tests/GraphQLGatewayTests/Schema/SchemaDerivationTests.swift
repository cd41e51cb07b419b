import GraphQL
import GraphQLGateway
import RPCCore
import ServiceSupport
import Testing

@testable import ProtoBridge

/// The schema that comes out of a set of .proto files, checked type by type.
@Suite("Schema derivation")
struct SchemaDerivationTests {
    static func derive(_ descriptorSet: [UInt8]) throws -> GatewaySchema {
        let protoSchema = try descriptorSet.withUnsafeBytes { try SchemaLoader.load($0) }
        let dispatcher = RPCDispatcher(router: RPCRouter(), logger: .disabled)
        return try GatewaySchema(
            transport: InProcessTransport(dispatcher: dispatcher),
            configuration: GatewayConfiguration(version: "test"),
            protoSchema: protoSchema
        )
    }

    /// Each field of an object or input object type with its type, in order.
    static func fields(of typeName: String, in schema: GraphQLSchema) -> [String] {
        switch schema.type(named: typeName) {
        case .object(let object): object.fields.map { "\($0.name): \($0.type)" }
        case .inputObject(let input): input.fields.map { "\($0.name): \($0.type)" }
        default: []
        }
    }

    @Test("Get and List become queries and Subscribe subscriptions taking the fields; other unary, mutations")
    func rootFields() throws {
        let schema = try Self.derive(ProtoFixtures.catalog).schema

        #expect(
            schema.queryType.fields.map { field in
                let arguments = field.arguments.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
                return "\(field.name)(\(arguments)): \(field.type)"
            } == [
                "twilio_gateway(): GatewayInfo!", "twilio_item(sid: String): Item",
                "twilio_items(pageSize: Int, kind: Kind): ItemPage",
            ]
        )
        #expect(
            schema.mutationType?.fields.map { "\($0.name)(\($0.arguments.map(\.type))): \($0.type)" } == [
                "twilio_priceItem([PriceItemInput!]): Item", "twilio_touch([]): Item",
            ]
        )
        #expect(
            schema.subscriptionType?.fields.map { field in
                let arguments = field.arguments.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
                return "\(field.name)(\(arguments)): \(field.type)"
            } == ["twilio_changes(pageSize: Int, kind: Kind): Item"]
        )
        #expect(schema.queryType.field(named: "twilio_item")?.description == "Reads one item.")
        #expect(schema.queryType.field(named: "twilio_item")?.argument(named: "sid")?.description == "The item's SID.")
    }

    @Test("result types have every field, never null unless the field has presence")
    func outputTypes() throws {
        let schema = try Self.derive(ProtoFixtures.catalog).schema

        #expect(
            Self.fields(of: "Item", in: schema) == [
                "sid: String!", "stock: Int64!", "weight: UInt64!", "thumbnail: Base64!", "kind: Kind!",
                "labels: [ItemLabelsEntry!]!", "size: ItemDimensions", "parts: [ItemDimensions!]!", "note: String",
                "price: Float!", "ratio: Float!", "state: ItemState!", "person: String", "team: String",
            ]
        )
        #expect(Self.fields(of: "ItemLabelsEntry", in: schema) == ["key: String!", "value: Int!"])
        #expect(Self.fields(of: "ItemDimensions", in: schema) == ["width: Int!", "depth: UInt64!"])
        #expect(Self.fields(of: "ItemPage", in: schema) == ["items: [Item!]!", "nextPageToken: String!"])
        #expect(schema.type(named: "Item")?.description == "An item for sale.")
        #expect(schema.type(named: "ItemDimensions")?.description == "How big a thing is.")
    }

    @Test("input types are all optional, and fields of messages without fields are left out")
    func inputTypes() throws {
        let schema = try Self.derive(ProtoFixtures.catalog).schema

        #expect(
            Self.fields(of: "PriceItemInput", in: schema) == [
                "sid: String", "size: ItemDimensionsInput", "code: String", "number: Int", "history: [Int64!]",
            ]
        )
        #expect(Self.fields(of: "ItemDimensionsInput", in: schema) == ["width: Int", "depth: UInt64"])
        #expect(schema.type(named: "EmptyInput") == nil)
        guard case .inputObject(let input) = schema.type(named: "PriceItemInput") else {
            Issue.record("PriceItemInput is not an input object type")
            return
        }
        #expect(input.isOneOf == false)
        #expect(
            input.field(named: "code")?.description == "One of `code`, `number` (oneof `currency`): set at most one."
        )
    }

    @Test("enums keep the .proto value names, the zero value included, and their comments")
    func enums() throws {
        let schema = try Self.derive(ProtoFixtures.catalog).schema

        guard case .enum(let kind) = schema.type(named: "Kind"), case .enum(let state) = schema.type(named: "ItemState")
        else {
            Issue.record("Kind or ItemState is not an enum")
            return
        }
        #expect(kind.values.map(\.name) == ["KIND_UNSPECIFIED", "BOOK"])
        #expect(kind.values.map(\.value) == [0, 1])
        #expect(kind.description == "What an item is.")
        #expect(kind.values.first?.description == "Not said.")
        #expect(state.values.map(\.name) == ["STATE_UNSPECIFIED", "ACTIVE"])
    }

    @Test("the custom scalars appear only when a field uses them")
    func scalars() throws {
        let catalog = try Self.derive(ProtoFixtures.catalog).schema
        let gateway = try GatewayHarness().gateway.schema

        for name in ["Int64", "UInt64", "Base64"] {
            #expect(catalog.type(named: name) != nil, "\(name)")
        }
        #expect(gateway.type(named: "Int64") != nil, "event offsets are int64")
        #expect(gateway.type(named: "UInt64") == nil)
        #expect(gateway.type(named: "Base64") == nil)
    }

    @Test("server-streaming methods become subscriptions, listed with the others")
    func streaming() throws {
        let operations = try Self.derive(ProtoFixtures.catalog).operations

        #expect(operations.map(\.method.name) == ["GetItem", "ListItems", "PriceItem", "Touch", "SubscribeChanges"])
        #expect(
            operations.map(\.fieldName) == [
                "twilio_item", "twilio_items", "twilio_priceItem", "twilio_touch", "twilio_changes",
            ]
        )
        #expect(operations.map(\.operationType) == [.query, .query, .mutation, .mutation, .subscription])
    }

    @Test("the events stream, its history and the bulk send derive with no glue")
    func gatewayStreams() throws {
        let schema = try GatewayHarness().gateway.schema
        func signature(_ field: GraphQLField?) -> String? {
            field.map { field in
                let arguments = field.arguments.map { "\($0.name): \($0.type)" }.joined(separator: ", ")
                return "\(field.name)(\(arguments)): \(field.type)"
            }
        }

        #expect(
            schema.subscriptionType?.fields.map(signature) == [
                "twilio_events(types: [String!], phoneNumber: String, sid: String, startOffset: Int64, "
                    + "startTime: String, consumer: String, answersWebhooks: Boolean): Event",
                "twilio_bulkSendSms(input: BulkSendSmsInput!): BulkSendSmsUpdate",
            ]
        )
        #expect(
            signature(schema.queryType.field(named: "twilio_events"))
                == "twilio_events(types: [String!], phoneNumber: String, sid: String, beforeOffset: Int64, "
                + "limit: Int): ListEventsResponse"
        )
        #expect(Self.fields(of: "ListEventsResponse", in: schema) == ["events: [Event!]!"])
        #expect(
            Self.fields(of: "Event", in: schema) == [
                "offset: Int64!", "type: String!", "receivedAt: String!", "messageSid: String!", "callSid: String!",
                "accountSid: String!", "from: String!", "to: String!", "status: String!",
                "parameters: [EventParametersEntry!]!",
            ]
        )
        #expect(schema.subscriptionType?.field(named: "twilio_watch") == nil)
    }

    @Test("two methods on one field and a result without fields are reported together")
    func broken() throws {
        let error = try #require(throws: GatewaySchemaError.self) { try Self.derive(ProtoFixtures.broken) }

        #expect(
            error.problems == [
                "Methods /fixture.broken.One/Ping and /fixture.broken.Two/Ping both become the field "
                    + "Mutation.twilio_ping; rename one.",
                "Message fixture.broken.Nothing has no fields, and a GraphQL object type needs at least one.",
            ]
        )
    }

    @Test("a message named like one of the gateway's own types is reported")
    func clash() throws {
        let error = try #require(throws: GatewaySchemaError.self) { try Self.derive(ProtoFixtures.clash) }

        #expect(
            error.problems == [
                "Schema must contain uniquely named types but contains multiple types named \"GatewayInfo\"."
            ]
        )
    }

    @Test("the gateway's services without Health; with Health when it is not excluded")
    func healthExclusion() async throws {
        let standard = try GatewayHarness()
        #expect(standard.gateway.schema.mutationType?.field(named: "twilio_check") == nil)
        #expect(!standard.gateway.operations.contains { $0.method.service == "twilio.gateway.v1.Health" })

        let withHealth = try GatewayHarness(excludedServices: [])
        #expect(
            withHealth.gateway.schema.mutationType?.field(named: "twilio_check")?.type == .named("HealthCheckResponse")
        )
        #expect(
            Self.fields(of: "HealthCheckResponse", in: withHealth.gateway.schema)
                == ["status: HealthCheckResponseServingStatus!"]
        )
    }
}
