/// An enum type: a closed set of named values.
///
/// Each value has an internal representation, which is what resolvers receive in arguments and
/// may return: by default the name as a string, or any ``GraphQLValue`` (a Protobuf enum number, say).
public final class GraphQLEnumType: Sendable {
    /// The type's name.
    public let name: String
    /// The type's description, if any.
    public let description: String?
    /// The values in order.
    public let values: [GraphQLEnumValue]
    private let nameIndex: [String: Int]

    /// Creates an enum type.
    ///
    /// - Parameters:
    ///   - name: The type's name.
    ///   - description: The type's description.
    ///   - values: The values in order.
    public init(name: String, description: String? = nil, values: [GraphQLEnumValue]) {
        self.name = name
        self.description = description
        self.values = values
        self.nameIndex = makeIndex(values.map(\.name))
    }

    /// The value named `name`, if there is one.
    public func value(named name: String) -> GraphQLEnumValue? {
        nameIndex[name].map { values[$0] }
    }

    /// The result for a resolver's value: the name of the value whose internal value it is.
    func serialize(_ resolved: any Sendable) throws -> GraphQLValue {
        let converted = GraphQLValue(resolved: resolved)
        if let converted, let match = values.first(where: { $0.value == converted }) {
            return .string(match.name)
        }
        if case .string(let text) = converted, let match = value(named: text) {
            return .string(match.name)
        }
        let shown = converted?.jsonString() ?? String(describing: resolved)
        throw GraphQLError(message: "Enum \"\(name)\" cannot represent value: \(shown)")
    }

    /// The internal value for a variable's value, which must be a value's name.
    func parseValue(_ input: GraphQLValue) throws -> GraphQLValue {
        guard case .string(let text) = input else {
            throw GraphQLError(message: "Enum \"\(name)\" cannot represent non-string value: \(input.jsonString()).")
        }
        guard let match = value(named: text) else {
            throw GraphQLError(message: "Value \"\(text)\" does not exist in \"\(name)\" enum.")
        }
        return match.value
    }

    /// The internal value for a literal, which must be an enum literal naming a value.
    func parseLiteral(_ literal: ValueNode) throws -> GraphQLValue {
        guard case .enumValue(let text) = literal.kind else {
            throw GraphQLError(message: "Enum \"\(name)\" cannot represent non-enum value: \(literal.printed).")
        }
        guard let match = value(named: text) else {
            throw GraphQLError(message: "Value \"\(text)\" does not exist in \"\(name)\" enum.")
        }
        return match.value
    }
}

/// One value of an enum type.
public struct GraphQLEnumValue: Sendable, Hashable {
    /// The value's name, as written in documents and results.
    public var name: String
    /// The value's description, if any.
    public var description: String?
    /// Why the value is deprecated, or `nil` when it is not.
    public var deprecationReason: String?
    /// The internal representation resolvers receive and return.
    public var value: GraphQLValue

    /// Creates an enum value.
    ///
    /// - Parameters:
    ///   - name: The value's name.
    ///   - description: The value's description.
    ///   - deprecationReason: Why the value is deprecated.
    ///   - value: The internal representation; `nil` for the name as a string.
    public init(name: String, description: String? = nil, deprecationReason: String? = nil, value: GraphQLValue? = nil)
    {
        self.name = name
        self.description = description
        self.deprecationReason = deprecationReason
        self.value = value ?? .string(name)
    }
}
