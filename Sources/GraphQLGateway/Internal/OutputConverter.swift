internal import GraphQL
internal import ProtoBridge
internal import ServiceSupport

/// Turns response messages into GraphQL values keyed by JSON names, ready for the default
/// field resolver.
///
/// Every field of the type is present. Unset fields read as proto3 defines them: "", 0,
/// `false`, the enum's zero value, an empty list; null only for fields with presence
/// (message fields, oneof members, proto3 `optional`). Enum values are their numbers, which
/// the GraphQL enum types map to names.
struct OutputConverter {
    let schema: ProtoSchema

    /// The value of `message`, an object with one member per field of `info`.
    func value(of message: ProtoMessage, as info: ProtoMessageInfo) -> GraphQLValue {
        var object = GraphQLObject()
        for field in info.fields {
            object[field.jsonName] = value(of: message[field.name], field: field)
        }
        return .object(object)
    }

    private func value(of value: ProtoValue?, field: ProtoFieldInfo) -> GraphQLValue {
        let mapping = FieldMapping(field.type)
        if field.isRepeated {
            let items = value?.listValue ?? []
            return .list(items.map { single($0, mapping) })
        }
        guard let value else {
            return field.hasPresence ? .null : defaultValue(mapping)
        }
        return single(value, mapping)
    }

    private func single(_ value: ProtoValue, _ mapping: FieldMapping) -> GraphQLValue {
        switch value {
        case .int(let number):
            return mapping == .int64 ? .string(String(number)) : .int(Int(number))
        case .uint(let number):
            return .string(String(number))
        case .double(let number):
            return .double(number)
        case .float(let number):
            return .double(Double(number))
        case .bool(let flag):
            return .bool(flag)
        case .string(let text):
            return .string(text)
        case .bytes(let bytes):
            return .string(Base64.encode(bytes))
        case .enumValue(let number):
            return .int(Int(number))
        case .message(let message):
            guard let info = schema.message(named: message.typeName) else {
                return .null
            }
            return self.value(of: message, as: info)
        case .list(let items):
            return .list(items.map { single($0, mapping) })
        }
    }

    private func defaultValue(_ mapping: FieldMapping) -> GraphQLValue {
        switch mapping {
        case .string, .bytes: .string("")
        case .boolean: .bool(false)
        case .int, .enumeration: .int(0)
        case .int64, .unsigned: .string("0")
        case .double, .float: .double(0)
        case .message: .null
        }
    }
}
