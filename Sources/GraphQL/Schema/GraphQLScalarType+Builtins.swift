extension GraphQLScalarType {
    /// The built-in `Int`: a signed 32-bit integer.
    public static let int = GraphQLScalarType(
        name: "Int",
        description: "A signed 32-bit integer, from -2147483648 to 2147483647.",
        serialize: { value in
            let result = GraphQLValue(resolved: value)
            guard let number = result?.integralValue else {
                throw GraphQLError(message: "Int cannot represent non-integer value: \(show(result, value))")
            }
            guard let small = Int32(exactly: number) else {
                throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(number)")
            }
            return .int(Int(small))
        },
        parseValue: { value in
            guard let number = value.integralValue else {
                throw GraphQLError(message: "Int cannot represent non-integer value: \(value.jsonString())")
            }
            guard let small = Int32(exactly: number) else {
                throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(number)")
            }
            return .int(Int(small))
        },
        parseLiteral: { literal in
            guard case .int(let text) = literal.kind else {
                throw GraphQLError(message: "Int cannot represent non-integer value: \(literal.printed)")
            }
            guard let small = Int32(text) else {
                throw GraphQLError(message: "Int cannot represent non 32-bit signed integer value: \(text)")
            }
            return .int(Int(small))
        }
    )

    /// The built-in `Float`: a double-precision number.
    public static let float = GraphQLScalarType(
        name: "Float",
        description: "A signed double-precision (IEEE 754) floating-point number.",
        serialize: { value in
            let result = GraphQLValue(resolved: value)
            guard let number = result?.doubleValue, number.isFinite else {
                throw GraphQLError(message: "Float cannot represent non numeric value: \(show(result, value))")
            }
            return .double(number)
        },
        parseValue: { value in
            guard let number = value.doubleValue, number.isFinite else {
                throw GraphQLError(message: "Float cannot represent non numeric value: \(value.jsonString())")
            }
            return .double(number)
        },
        parseLiteral: { literal in
            switch literal.kind {
            case .int(let text), .float(let text):
                guard let number = Double(text), number.isFinite else {
                    throw GraphQLError(message: "Float cannot represent non numeric value: \(text)")
                }
                return .double(number)
            default:
                throw GraphQLError(message: "Float cannot represent non numeric value: \(literal.printed)")
            }
        }
    )

    /// The built-in `String`: UTF-8 text.
    public static let string = GraphQLScalarType(
        name: "String",
        description: "Text made of Unicode characters, written in UTF-8.",
        serialize: { value in
            switch GraphQLValue(resolved: value) {
            case .string(let text): return .string(text)
            case .bool(let flag): return .string(flag ? "true" : "false")
            case .int(let number): return .string(String(number))
            case .double(let number) where number.isFinite: return .string(String(number))
            case let other:
                throw GraphQLError(message: "String cannot represent value: \(show(other, value))")
            }
        },
        parseValue: { value in
            guard case .string = value else {
                throw GraphQLError(message: "String cannot represent a non string value: \(value.jsonString())")
            }
            return value
        },
        parseLiteral: { literal in
            guard case .string(let text, _) = literal.kind else {
                throw GraphQLError(message: "String cannot represent a non string value: \(literal.printed)")
            }
            return .string(text)
        }
    )

    /// The built-in `Boolean`.
    public static let boolean = GraphQLScalarType(
        name: "Boolean",
        description: "Either `true` or `false`.",
        serialize: { value in
            guard case .bool(let flag) = GraphQLValue(resolved: value) else {
                throw GraphQLError(
                    message:
                        "Boolean cannot represent a non boolean value: \(show(GraphQLValue(resolved: value), value))"
                )
            }
            return .bool(flag)
        },
        parseValue: { value in
            guard case .bool = value else {
                throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(value.jsonString())")
            }
            return value
        },
        parseLiteral: { literal in
            guard case .boolean(let flag) = literal.kind else {
                throw GraphQLError(message: "Boolean cannot represent a non boolean value: \(literal.printed)")
            }
            return .bool(flag)
        }
    )

    /// The built-in `ID`: an opaque identifier, written as a string and accepted as a string or integer.
    public static let id = GraphQLScalarType(
        name: "ID",
        description: "An opaque identifier, returned as a string. As an input it accepts a string or an "
            + "integer; clients should not rely on its format.",
        serialize: { value in
            switch GraphQLValue(resolved: value) {
            case .string(let text): return .string(text)
            case .int(let number): return .string(String(number))
            case let other:
                throw GraphQLError(message: "ID cannot represent value: \(show(other, value))")
            }
        },
        parseValue: { value in
            switch value {
            case .string: return value
            case .int(let number): return .string(String(number))
            default: throw GraphQLError(message: "ID cannot represent value: \(value.jsonString())")
            }
        },
        parseLiteral: { literal in
            switch literal.kind {
            case .string(let text, _), .int(let text): return .string(text)
            default:
                throw GraphQLError(
                    message: "ID cannot represent a non-string and non-integer value: \(literal.printed)"
                )
            }
        }
    )

    /// The five scalars every schema has.
    static let builtins: [GraphQLScalarType] = [.string, .int, .float, .boolean, .id]
}

/// How a coercion error shows a rejected resolver value.
private func show(_ converted: GraphQLValue?, _ original: any Sendable) -> String {
    converted?.jsonString() ?? String(describing: original)
}
