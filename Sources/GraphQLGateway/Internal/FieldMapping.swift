internal import GraphQL
internal import ProtoBridge

/// How values of one Protobuf field type are written in GraphQL.
///
/// | Protobuf | GraphQL |
/// |---|---|
/// | `string` | `String` |
/// | `bool` | `Boolean` |
/// | `int32`, `sint32`, `sfixed32` | `Int` |
/// | `int64`, `sint64`, `sfixed64` | `Int64` (decimal string) |
/// | `uint32`, `fixed32`, `uint64`, `fixed64` | `UInt64` (decimal string; `Int` cannot hold 2^31 and up) |
/// | `double`, `float` | `Float` |
/// | `bytes` | `Base64` |
/// | an enum | a GraphQL enum with the same value names |
/// | a message | an object type, or an input object type in inputs |
///
/// A `repeated` field is a list of non-null elements, and a map field a list of its entry
/// messages (`key`, `value`).
enum FieldMapping: Hashable {
    case string
    case boolean
    case int
    case int64
    /// An unsigned type whose largest value is `maximum`.
    case unsigned(maximum: UInt64)
    case double
    case float
    case bytes
    /// An enum, by full name.
    case enumeration(String)
    /// A message, by full name.
    case message(String)

    init(_ type: ProtoFieldType) {
        switch type {
        case .string: self = .string
        case .bool: self = .boolean
        case .int32, .sint32, .sfixed32: self = .int
        case .int64, .sint64, .sfixed64: self = .int64
        case .uint32, .fixed32: self = .unsigned(maximum: UInt64(UInt32.max))
        case .uint64, .fixed64: self = .unsigned(maximum: UInt64.max)
        case .double: self = .double
        case .float: self = .float
        case .bytes: self = .bytes
        case .enum(let name): self = .enumeration(name)
        case .message(let name): self = .message(name)
        }
    }

    /// The name of the GraphQL type of one value, as a result (`input` false) or as an input.
    func typeName(in schema: ProtoSchema, input: Bool) -> String {
        switch self {
        case .string: "String"
        case .boolean: "Boolean"
        case .int: "Int"
        case .int64: ProtoScalars.int64.name
        case .unsigned: ProtoScalars.uint64.name
        case .double, .float: "Float"
        case .bytes: ProtoScalars.base64.name
        case .enumeration(let name): GraphQLNaming.typeName(forFullName: name, in: schema)
        case .message(let name):
            input
                ? GraphQLNaming.inputTypeName(forFullName: name, in: schema)
                : GraphQLNaming.typeName(forFullName: name, in: schema)
        }
    }
}
