internal import GraphQL
internal import ServiceSupport

/// The custom scalars that carry Protobuf values GraphQL's built-in scalars cannot hold.
///
/// Resolvers and input conversion see every value of these scalars as a
/// ``GraphQL/GraphQLValue/string(_:)``: canonical decimal digits for the integers, standard
/// Base64 text for bytes.
enum ProtoScalars {
    /// `Int64`, for `int64`, `sint64` and `sfixed64`.
    static let int64 = integerScalar(
        Int64.self,
        name: "Int64",
        description: "A signed 64-bit integer (Protobuf int64, sint64, sfixed64), from -9223372036854775808 "
            + "to 9223372036854775807. Results are strings of decimal digits, because JSON numbers lose "
            + "precision past 2^53; inputs may be such a string or an integer."
    )

    /// `UInt64`, for `uint32`, `fixed32`, `uint64` and `fixed64`.
    ///
    /// The 32-bit unsigned types share it because GraphQL's `Int` stops at 2^31 - 1; input
    /// conversion rejects values past 2^32 - 1 for them.
    static let uint64 = integerScalar(
        UInt64.self,
        name: "UInt64",
        description: "An unsigned integer (Protobuf uint32, fixed32, uint64, fixed64), from 0 to "
            + "18446744073709551615; fields of the 32-bit types stop at 4294967295. Results are strings of "
            + "decimal digits; inputs may be such a string or an integer (values past 2^53 only as strings)."
    )

    /// `Base64`, for `bytes`.
    static let base64 = GraphQLScalarType(
        name: "Base64",
        description: "Bytes (Protobuf bytes) as Base64 text. Results use the standard alphabet with padding; "
            + "inputs may use the standard or the URL-safe alphabet, with or without padding.",
        serialize: { value in
            guard case .string(let text) = value as? GraphQLValue, Base64.decode(text) != nil else {
                throw GraphQLError(message: "Base64 cannot represent value: \(describe(value))")
            }
            return .string(text)
        },
        parseValue: { value in
            guard case .string(let text) = value, let bytes = Base64.decode(text) else {
                throw GraphQLError(message: "Base64 cannot represent value: \(value.jsonString())")
            }
            return .string(Base64.encode(bytes))
        },
        parseLiteral: { literal in
            guard case .string(let text, _) = literal.kind, let bytes = Base64.decode(text) else {
                throw GraphQLError(message: "Base64 cannot represent value: \(literal.printed)")
            }
            return .string(Base64.encode(bytes))
        }
    )

    /// Every custom scalar, by name.
    static let all: [String: GraphQLScalarType] = [
        int64.name: int64, uint64.name: uint64, base64.name: base64,
    ]

    /// A scalar for the integers of `type`, written as decimal strings.
    private static func integerScalar<Integer: FixedWidthInteger & Sendable>(
        _ type: Integer.Type,
        name: String,
        description: String
    ) -> GraphQLScalarType {
        @Sendable func parse(_ value: GraphQLValue) -> Integer? {
            switch value {
            case .string(let text): return Integer(text)
            case .int(let number): return Integer(exactly: number)
            case .double(let number): return number.isFinite ? Integer(exactly: number) : nil
            default: return nil
            }
        }

        return GraphQLScalarType(
            name: name,
            description: description,
            serialize: { value in
                guard let result = value as? GraphQLValue, let number = parse(result) else {
                    throw GraphQLError(message: "\(name) cannot represent value: \(describe(value))")
                }
                return .string(String(number))
            },
            parseValue: { value in
                guard let number = parse(value) else {
                    throw GraphQLError(message: "\(name) cannot represent value: \(value.jsonString())")
                }
                return .string(String(number))
            },
            parseLiteral: { literal in
                switch literal.kind {
                case .int(let text), .string(let text, _):
                    guard let number = Integer(text) else {
                        throw GraphQLError(message: "\(name) cannot represent value: \(literal.printed)")
                    }
                    return .string(String(number))
                default:
                    throw GraphQLError(message: "\(name) cannot represent value: \(literal.printed)")
                }
            }
        )
    }

    private static func describe(_ value: any Sendable) -> String {
        (value as? GraphQLValue)?.jsonString() ?? "a value of another kind"
    }
}
