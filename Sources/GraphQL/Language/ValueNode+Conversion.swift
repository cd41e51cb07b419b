extension ValueNode {
    /// The value in GraphQL notation, such as `{a: [1, "x"]}`, as error messages show it.
    public var printed: String {
        switch kind {
        case .variable(let name): return "$" + name
        case .int(let text), .float(let text): return text
        case .string(let text, _): return GraphQLValue.string(text).jsonString()
        case .boolean(let flag): return flag ? "true" : "false"
        case .null: return "null"
        case .enumValue(let name): return name
        case .list(let items): return "[" + items.map(\.printed).joined(separator: ", ") + "]"
        case .object(let fields):
            return "{" + fields.map { "\($0.name.value): \($0.value.printed)" }.joined(separator: ", ") + "}"
        }
    }

    /// The literal as a plain value without a type: enums become strings and variables are
    /// looked up in `variables` (missing ones become null).
    public func untypedValue(variables: GraphQLObject) -> GraphQLValue {
        switch kind {
        case .variable(let name): return variables[name] ?? .null
        case .int(let text): return Int(text).map(GraphQLValue.int) ?? .double(Double(text) ?? .nan)
        case .float(let text): return .double(Double(text) ?? .nan)
        case .string(let text, _): return .string(text)
        case .boolean(let flag): return .bool(flag)
        case .null: return .null
        case .enumValue(let name): return .string(name)
        case .list(let items): return .list(items.map { $0.untypedValue(variables: variables) })
        case .object(let fields):
            var object = GraphQLObject()
            for field in fields {
                object[field.name.value] = field.value.untypedValue(variables: variables)
            }
            return .object(object)
        }
    }

    /// Whether the literal is, or contains, a variable.
    var containsVariable: Bool {
        switch kind {
        case .variable: return true
        case .list(let items): return items.contains { $0.containsVariable }
        case .object(let fields): return fields.contains { $0.value.containsVariable }
        default: return false
        }
    }
}
