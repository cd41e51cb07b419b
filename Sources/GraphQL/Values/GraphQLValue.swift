/// A JSON-like value: what variables, coerced arguments and results are made of.
///
/// Objects keep their key order, so a result lists fields in selection order.
public enum GraphQLValue: Sendable, Hashable {
    /// The null value.
    case null
    /// A Boolean.
    case bool(Bool)
    /// An integer. GraphQL's `Int` is 32-bit; wider values appear only through custom scalars.
    case int(Int)
    /// A floating-point number.
    case double(Double)
    /// A string.
    case string(String)
    /// An ordered list.
    case list([GraphQLValue])
    /// An object whose keys keep their insertion order.
    case object(GraphQLObject)

    /// Whether this is ``null``.
    public var isNull: Bool {
        if case .null = self { return true }
        return false
    }

    /// The Boolean, or `nil` for any other kind.
    public var boolValue: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The integer, or `nil` for any other kind.
    public var intValue: Int? {
        if case .int(let value) = self { return value }
        return nil
    }

    /// The number as a `Double` (integers convert), or `nil` for any other kind.
    public var doubleValue: Double? {
        switch self {
        case .double(let value): return value
        case .int(let value): return Double(value)
        default: return nil
        }
    }

    /// The string, or `nil` for any other kind.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The list, or `nil` for any other kind.
    public var listValue: [GraphQLValue]? {
        if case .list(let value) = self { return value }
        return nil
    }

    /// The object, or `nil` for any other kind.
    public var objectValue: GraphQLObject? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The member named `key` when this is an object, otherwise `nil`.
    public subscript(key: String) -> GraphQLValue? {
        objectValue?[key]
    }
}

extension GraphQLValue: ExpressibleByNilLiteral {
    /// Creates ``null``.
    public init(nilLiteral: ()) {
        self = .null
    }
}

extension GraphQLValue: ExpressibleByBooleanLiteral {
    /// Creates a Boolean value.
    public init(booleanLiteral value: Bool) {
        self = .bool(value)
    }
}

extension GraphQLValue: ExpressibleByIntegerLiteral {
    /// Creates an integer value.
    public init(integerLiteral value: Int) {
        self = .int(value)
    }
}

extension GraphQLValue: ExpressibleByFloatLiteral {
    /// Creates a floating-point value.
    public init(floatLiteral value: Double) {
        self = .double(value)
    }
}

extension GraphQLValue: ExpressibleByStringLiteral {
    /// Creates a string value.
    public init(stringLiteral value: String) {
        self = .string(value)
    }
}

extension GraphQLValue: ExpressibleByArrayLiteral {
    /// Creates a list value.
    public init(arrayLiteral elements: GraphQLValue...) {
        self = .list(elements)
    }
}

extension GraphQLValue: ExpressibleByDictionaryLiteral {
    /// Creates an object value; keys keep the literal's order.
    public init(dictionaryLiteral elements: (String, GraphQLValue)...) {
        var object = GraphQLObject()
        for (key, value) in elements {
            object[key] = value
        }
        self = .object(object)
    }
}

extension GraphQLValue: CustomStringConvertible {
    /// The value as compact JSON.
    public var description: String {
        jsonString()
    }
}
