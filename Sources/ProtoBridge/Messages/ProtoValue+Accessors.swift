extension ProtoValue {
    /// The integer of an ``int(_:)`` value, or `nil`.
    public var intValue: Int64? {
        if case .int(let value) = self { value } else { nil }
    }

    /// The integer of a ``uint(_:)`` value, or `nil`.
    public var uintValue: UInt64? {
        if case .uint(let value) = self { value } else { nil }
    }

    /// The number of a ``double(_:)`` value, or `nil`.
    public var doubleValue: Double? {
        if case .double(let value) = self { value } else { nil }
    }

    /// The number of a ``float(_:)`` value, or `nil`.
    public var floatValue: Float? {
        if case .float(let value) = self { value } else { nil }
    }

    /// The flag of a ``bool(_:)`` value, or `nil`.
    public var boolValue: Bool? {
        if case .bool(let value) = self { value } else { nil }
    }

    /// The text of a ``string(_:)`` value, or `nil`.
    public var stringValue: String? {
        if case .string(let value) = self { value } else { nil }
    }

    /// The bytes of a ``bytes(_:)`` value, or `nil`.
    public var bytesValue: [UInt8]? {
        if case .bytes(let value) = self { value } else { nil }
    }

    /// The number of an ``enumValue(_:)`` value, or `nil`.
    public var enumNumber: Int32? {
        if case .enumValue(let value) = self { value } else { nil }
    }

    /// The message of a ``message(_:)`` value, or `nil`.
    public var messageValue: ProtoMessage? {
        if case .message(let value) = self { value } else { nil }
    }

    /// The elements of a ``list(_:)`` value, or `nil`.
    public var listValue: [ProtoValue]? {
        if case .list(let value) = self { value } else { nil }
    }

    /// The case's name, for error messages.
    var kindName: String {
        switch self {
        case .int: "an int"
        case .uint: "a uint"
        case .double: "a double"
        case .float: "a float"
        case .bool: "a bool"
        case .string: "a string"
        case .bytes: "bytes"
        case .enumValue: "an enum value"
        case .message(let message): "a \(message.typeName) message"
        case .list: "a list"
        }
    }
}
