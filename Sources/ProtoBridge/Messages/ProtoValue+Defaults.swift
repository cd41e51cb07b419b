extension ProtoValue {
    /// Whether this is the default value of `field`'s type: a zero of the matching kind,
    /// `false`, "", no bytes, enum number 0, or an empty list for a repeated field.
    ///
    /// `-0.0` counts as a default, as it does for protobuf-c, which does not write it.
    func isDefault(for field: ProtoFieldInfo) -> Bool {
        if field.isRepeated {
            return listValue?.isEmpty == true
        }
        switch self {
        case .int(let value):
            return value == 0 && field.type.holdsSignedIntegers
        case .uint(let value):
            return value == 0 && field.type.holdsUnsignedIntegers
        case .double(let value):
            return value == 0 && field.type == .double
        case .float(let value):
            return value == 0 && field.type == .float
        case .bool(let value):
            return !value && field.type == .bool
        case .string(let value):
            return value.isEmpty && field.type == .string
        case .bytes(let value):
            return value.isEmpty && field.type == .bytes
        case .enumValue(let value):
            guard case .enum = field.type else {
                return false
            }
            return value == 0
        case .message, .list:
            return false
        }
    }
}

extension ProtoFieldType {
    /// Whether ``ProtoValue/int(_:)`` is this type's value case.
    var holdsSignedIntegers: Bool {
        switch self {
        case .int32, .int64, .sint32, .sint64, .sfixed32, .sfixed64: true
        default: false
        }
    }

    /// Whether ``ProtoValue/uint(_:)`` is this type's value case.
    var holdsUnsignedIntegers: Bool {
        switch self {
        case .uint32, .uint64, .fixed32, .fixed64: true
        default: false
        }
    }
}
