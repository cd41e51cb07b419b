extension ProtoValue: ExpressibleByStringLiteral {
    /// Creates a ``string(_:)`` value.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension ProtoValue: ExpressibleByIntegerLiteral {
    /// Creates an ``int(_:)`` value.
    public init(integerLiteral value: Int64) {
        self = .int(value)
    }
}

extension ProtoValue: ExpressibleByBooleanLiteral {
    /// Creates a ``bool(_:)`` value.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension ProtoValue: ExpressibleByArrayLiteral {
    /// Creates a ``list(_:)`` value.
    public init(arrayLiteral elements: ProtoValue...) {
        self = .list(elements)
    }
}
