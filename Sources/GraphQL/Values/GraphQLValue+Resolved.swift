extension GraphQLValue {
    /// Converts a resolver's value when it is a ``GraphQLValue``, a string, a Boolean, a number,
    /// or an array of those; `nil` for anything else.
    init?(resolved value: any Sendable) {
        switch value {
        case let value as GraphQLValue: self = value
        case let text as String: self = .string(text)
        case let text as Substring: self = .string(String(text))
        case let flag as Bool: self = .bool(flag)
        case let number as Int: self = .int(number)
        case let number as any BinaryInteger:
            guard let fitting = Int(exactly: number) else {
                self = .double(Double(number))
                return
            }
            self = .int(fitting)
        case let number as Double: self = .double(number)
        case let number as Float: self = .double(Double(number))
        case let items as [any Sendable]:
            var converted: [GraphQLValue] = []
            for item in items {
                guard let value = GraphQLValue(resolved: item) else { return nil }
                converted.append(value)
            }
            self = .list(converted)
        default:
            return nil
        }
    }

    /// The value as an integer when it is one, or a double with no fractional part.
    var integralValue: Int? {
        switch self {
        case .int(let number): return number
        case .double(let number): return Int(exactly: number)
        default: return nil
        }
    }
}
