/// The value of one field of a ``ProtoMessage``.
///
/// Each case covers every Protobuf type that shares a Swift representation:
///
/// | Case | Field types |
/// |---|---|
/// | ``int(_:)`` | `int32`, `int64`, `sint32`, `sint64`, `sfixed32`, `sfixed64` |
/// | ``uint(_:)`` | `uint32`, `uint64`, `fixed32`, `fixed64` |
/// | ``double(_:)``, ``float(_:)``, ``bool(_:)``, ``string(_:)``, ``bytes(_:)`` | the type of that name |
/// | ``enumValue(_:)`` | any enum, by number (numbers the enum does not declare are kept) |
/// | ``message(_:)`` | any message |
/// | ``list(_:)`` | a `repeated` field, holding elements of the cases above; a map field is a list of entry messages |
///
/// A value for a 32-bit field must fit in 32 bits, or encoding throws
/// ``ProtoError/Code/valueOutOfRange``.
public enum ProtoValue: Hashable, Sendable {
    /// A signed integer.
    case int(Int64)
    /// An unsigned integer.
    case uint(UInt64)
    /// A `double`.
    case double(Double)
    /// A `float`.
    case float(Float)
    /// A `bool`.
    case bool(Bool)
    /// A `string`.
    case string(String)
    /// A `bytes` value.
    case bytes([UInt8])
    /// An enum value, by number.
    case enumValue(Int32)
    /// A message.
    case message(ProtoMessage)
    /// The elements of a `repeated` field, in order.
    case list([ProtoValue])
}
