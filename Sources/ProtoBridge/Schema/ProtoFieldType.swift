/// The type of a message field, as declared in its .proto file.
///
/// Enum and message types carry the full name of the type they refer to, without
/// a leading dot (`twilio.gateway.v1.FieldViolation`).
public enum ProtoFieldType: Hashable, Sendable, CustomStringConvertible {
    /// `double`.
    case double
    /// `float`.
    case float
    /// `int64`.
    case int64
    /// `uint64`.
    case uint64
    /// `int32`.
    case int32
    /// `fixed64`.
    case fixed64
    /// `fixed32`.
    case fixed32
    /// `bool`.
    case bool
    /// `string`.
    case string
    /// `bytes`.
    case bytes
    /// `uint32`.
    case uint32
    /// `sfixed32`.
    case sfixed32
    /// `sfixed64`.
    case sfixed64
    /// `sint32`.
    case sint32
    /// `sint64`.
    case sint64
    /// An enum type, by full name.
    case `enum`(String)
    /// A message type, by full name.
    case message(String)

    /// The type as a .proto file spells it, with referenced types by full name.
    public var description: String {
        switch self {
        case .double: "double"
        case .float: "float"
        case .int64: "int64"
        case .uint64: "uint64"
        case .int32: "int32"
        case .fixed64: "fixed64"
        case .fixed32: "fixed32"
        case .bool: "bool"
        case .string: "string"
        case .bytes: "bytes"
        case .uint32: "uint32"
        case .sfixed32: "sfixed32"
        case .sfixed64: "sfixed64"
        case .sint32: "sint32"
        case .sint64: "sint64"
        case .enum(let name): name
        case .message(let name): name
        }
    }
}
