import Testing

@testable import ProtoBridge

@Suite("Schema loading of features the gateway's files do not use")
struct SchemaLoaderTests {
    private func load(_ bytes: [UInt8]) throws -> ProtoSchema {
        try bytes.withUnsafeBytes { try SchemaLoader.load($0) }
    }

    @Test("proto3 optional fields have presence and no oneof; their synthetic oneofs are hidden")
    func proto3Optional() throws {
        let sample = try #require(try load(SchemaFixtures.sampleAndLegacy).message(named: "fixture.v1.Sample"))

        #expect(sample.oneofs.map(\.name) == ["choice"])
        #expect(sample.oneof(named: "choice")?.fieldNames == ["raw", "ratio"])
        for name in ["nickname", "count"] {
            #expect(sample.field(named: name)?.hasPresence == true, "\(name)")
            #expect(sample.field(named: name)?.oneofName == nil, "\(name)")
        }
    }

    @Test("presence, types and JSON names of every field kind")
    func fieldKinds() throws {
        let sample = try #require(try load(SchemaFixtures.sampleAndLegacy).message(named: "fixture.v1.Sample"))
        let expected: [(String, ProtoFieldType, Bool, Bool)] = [
            ("nickname", .string, false, true), ("count", .int32, false, true),
            ("child", .message("fixture.v1.Sample"), false, true), ("plain", .string, false, false),
            ("colors", .message("fixture.v1.Sample.ColorsEntry"), true, false), ("raw", .bytes, false, true),
            ("ratio", .double, false, true), ("deltas", .sint64, true, false),
        ]

        #expect(sample.fields.map(\.name) == expected.map(\.0))
        for (field, (name, type, isRepeated, hasPresence)) in zip(sample.fields, expected) {
            #expect(field.type == type, "\(name)")
            #expect(field.isRepeated == isRepeated, "\(name)")
            #expect(field.hasPresence == hasPresence, "\(name)")
        }
        #expect(sample.field(named: "plain")?.jsonName == "customName")
    }

    @Test("a map to an enum names the enum as its value type")
    func enumMap() throws {
        let schema = try load(SchemaFixtures.sampleAndLegacy)
        let colors = try #require(schema.message(named: "fixture.v1.Sample")?.field(named: "colors"))

        #expect(colors.mapEntry?.key == .int32)
        #expect(colors.mapEntry?.value == .enum("fixture.v1.Color"))
        #expect(schema.message(named: "fixture.v1.Sample.ColorsEntry")?.isMapEntry == true)
    }

    @Test("top-level enums keep their comments")
    func topLevelEnum() throws {
        let color = try #require(try load(SchemaFixtures.sampleAndLegacy).enumType(named: "fixture.v1.Color"))
        #expect(color.comment == "A colour.")
        #expect(color.values.map(\.name) == ["COLOR_UNSPECIFIED", "RED"])
        #expect(color.values.allSatisfy { $0.comment == nil })
    }

    @Test("every singular field of a proto2 file has presence")
    func proto2Presence() throws {
        let legacy = try #require(try load(SchemaFixtures.sampleAndLegacy).message(named: "fixture.v1.Legacy"))
        #expect(legacy.fields.map(\.hasPresence) == [true, true, false])
        #expect(legacy.fields.map(\.type) == [.string, .fixed32, .float])
        #expect(legacy.comment == nil)
    }

    @Test("a group field is refused")
    func group() throws {
        let error = try #require(throws: ProtoError.self) { try load(SchemaFixtures.group) }
        #expect(error.code == .invalidSchema)
        #expect(error.message.contains("fixture.v1.WithGroup.item"))
    }

    @Test("bytes that are not a descriptor set are refused")
    func garbage() throws {
        let error = try #require(throws: ProtoError.self) { try load([0x0a, 0x05, 0x01]) }
        #expect(error.code == .invalidSchema)
        #expect(try load([]).messages.isEmpty)
    }

    @Test(
        "JSON names follow protoc when a file gives none",
        arguments: [("messaging_service_sid", "messagingServiceSid"), ("to", "to"), ("a_b_c", "aBC"), ("x__y", "xY")]
    )
    func jsonNameFallback(name: String, jsonName: String) {
        #expect(SchemaBuilder.jsonName(forFieldName: name) == jsonName)
    }

    @Test("comments lose one leading space per line and the final newline")
    func commentTrimming() {
        #expect(SourceComments.trimmed(" One line.\n") == "One line.")
        #expect(SourceComments.trimmed(" First\n  indented\nflush\n") == "First\n indented\nflush")
        #expect(SourceComments.trimmed("\n") == nil)
    }
}
