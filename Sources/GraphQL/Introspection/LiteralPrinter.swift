/// Writes an external input value as a GraphQL literal of its type: enums as bare names,
/// strings quoted, objects as `{name: value}`.
struct LiteralPrinter {
    let schema: GraphQLSchema

    func print(_ value: GraphQLValue, as type: GraphQLTypeReference) -> String {
        switch (value, type) {
        case (.null, _):
            return "null"
        case (_, .nonNull(let inner)):
            return print(value, as: inner)
        case (.list(let items), .list(let itemType)):
            return "[" + items.map { print($0, as: itemType) }.joined(separator: ", ") + "]"
        case (_, .list(let itemType)):
            return print(value, as: itemType)
        case (.object(let object), .named(let name)):
            guard case .inputObject(let input) = schema.type(named: name) else { return value.jsonString() }
            let members = object.map { member in
                let fieldType = input.field(named: member.key)?.type ?? .string
                return "\(member.key): \(print(member.value, as: fieldType))"
            }
            return "{" + members.joined(separator: ", ") + "}"
        case (.string(let text), .named(let name)):
            if case .enum = schema.type(named: name) { return text }
            return value.jsonString()
        default:
            return value.jsonString()
        }
    }
}
