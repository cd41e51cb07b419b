internal import GraphQL
internal import ProtoBridge
internal import ServiceSupport

/// Turns coerced GraphQL input objects (keyed by JSON names) into request messages.
///
/// Null and absent fields are left unset. Besides the conversion it checks what GraphQL's
/// types cannot say: that at most one member of each oneof is set, that a string holds no
/// U+0000 (which the wire encoder cannot carry) and that a number fits its field.
struct InputConverter {
    /// Where a value sits, as the document names it (`input.from`) and as the .proto does.
    struct Place {
        var graphQL: String
        var proto: String

        func appending(_ field: ProtoFieldInfo) -> Place {
            Place(
                graphQL: graphQL.isEmpty ? field.jsonName : graphQL + "." + field.jsonName,
                proto: proto.isEmpty ? field.name : proto + "." + field.name
            )
        }

        func appending(index: Int) -> Place {
            Place(graphQL: graphQL + "[\(index)]", proto: proto + "[\(index)]")
        }
    }

    let schema: ProtoSchema

    /// A message of type `info` holding the fields of `object`.
    ///
    /// - Parameters:
    ///   - object: Field values by JSON name, as GraphQL coerced them.
    ///   - info: The message type.
    ///   - place: Where the object sits; empty for a root field's arguments.
    /// - Throws: ``GatewayInputError`` naming the field that is wrong.
    func message(from object: GraphQLObject, as info: ProtoMessageInfo, at place: Place) throws(GatewayInputError)
        -> ProtoMessage
    {
        try checkOneofs(of: object, as: info, at: place)

        var message = ProtoMessage(typeName: info.fullName)
        for field in info.fields {
            guard let value = object[field.jsonName], !value.isNull else {
                continue
            }
            let fieldPlace = place.appending(field)
            if field.isRepeated {
                message[field.name] = try list(value, of: field, at: fieldPlace)
            } else {
                message[field.name] = try single(value, of: field, at: fieldPlace)
            }
        }
        return message
    }

    private func checkOneofs(of object: GraphQLObject, as info: ProtoMessageInfo, at place: Place)
        throws(GatewayInputError)
    {
        for oneof in info.oneofs {
            let members = oneof.fieldNames.compactMap(info.field(named:))
            let given = members.filter { member in
                object[member.jsonName].map { !$0.isNull } ?? false
            }
            guard given.count > 1 else {
                continue
            }
            let names = members.map(\.jsonName).joined(separator: ", ")
            let scope = place.graphQL.isEmpty ? "" : " in \(place.graphQL)"
            throw GatewayInputError(
                message: "Only one of \(names) may be set\(scope) (they are the alternatives of oneof "
                    + "\(oneof.name)), but \(given.map(\.jsonName).joined(separator: " and ")) were given.",
                violations: given.map { member in
                    GatewayInputError.Violation(
                        field: place.appending(member).proto,
                        description: "only one member of oneof \(oneof.name) may be set"
                    )
                }
            )
        }
    }

    private func list(_ value: GraphQLValue, of field: ProtoFieldInfo, at place: Place) throws(GatewayInputError)
        -> ProtoValue
    {
        guard case .list(let items) = value else {
            throw wrongKind(at: place)
        }
        var converted: [ProtoValue] = []
        converted.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            converted.append(try single(item, of: field, at: place.appending(index: index)))
        }
        return .list(converted)
    }

    private func single(_ value: GraphQLValue, of field: ProtoFieldInfo, at place: Place) throws(GatewayInputError)
        -> ProtoValue
    {
        switch (FieldMapping(field.type), value) {
        case (.string, .string(let text)):
            guard !text.unicodeScalars.contains("\u{0}") else {
                throw invalid(at: place, "must not contain the character U+0000")
            }
            return .string(text)
        case (.boolean, .bool(let flag)):
            return .bool(flag)
        case (.int, .int(let number)):
            return .int(Int64(number))
        case (.int64, .string(let digits)):
            guard let number = Int64(digits) else {
                throw wrongKind(at: place)
            }
            return .int(number)
        case (.unsigned(let maximum), .string(let digits)):
            guard let number = UInt64(digits) else {
                throw wrongKind(at: place)
            }
            guard number <= maximum else {
                throw invalid(at: place, "is \(number), more than the largest \(field.type) value, \(maximum)")
            }
            return .uint(number)
        case (.double, let number) where number.doubleValue != nil:
            return .double(number.doubleValue ?? 0)
        case (.float, let number) where number.doubleValue != nil:
            let double = number.doubleValue ?? 0
            guard abs(double) <= Double(Float.greatestFiniteMagnitude) else {
                throw invalid(at: place, "is \(double), beyond the range of a float")
            }
            return .float(Float(double))
        case (.bytes, .string(let text)):
            guard let bytes = Base64.decode(text) else {
                throw wrongKind(at: place)
            }
            return .bytes(bytes)
        case (.enumeration, .int(let number)):
            guard let enumNumber = Int32(exactly: number) else {
                throw wrongKind(at: place)
            }
            return .enumValue(enumNumber)
        case (.message(let typeName), .object(let object)):
            guard let info = schema.message(named: typeName) else {
                throw wrongKind(at: place)
            }
            return .message(try message(from: object, as: info, at: place))
        default:
            throw wrongKind(at: place)
        }
    }

    private func invalid(at place: Place, _ problem: String) -> GatewayInputError {
        GatewayInputError(
            message: "\(place.graphQL) \(problem).",
            violations: [GatewayInputError.Violation(field: place.proto, description: problem)]
        )
    }

    /// A value GraphQL's coercion should have rejected; kept as an error rather than a crash.
    private func wrongKind(at place: Place) -> GatewayInputError {
        invalid(at: place, "has a value of the wrong kind for its type")
    }
}
