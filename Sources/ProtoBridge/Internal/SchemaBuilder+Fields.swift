internal import CTwilioProto

extension SchemaBuilder {
    /// The key and value types of each map entry type among `nestedTypes`, by full name.
    static func mapEntries(
        among nestedTypes: [Google__Protobuf__DescriptorProto],
        in scope: String
    ) throws -> [String: (key: ProtoFieldType, value: ProtoFieldType)] {
        var entries: [String: (key: ProtoFieldType, value: ProtoFieldType)] = [:]
        for entry in nestedTypes where isMapEntry(entry) {
            let name = qualified(String(optionalCString: entry.name), in: scope)
            let fields = CArray.elements(entry.field, count: entry.n_field).map(\.pointee)
            guard fields.count == 2, fields[0].number == 1, fields[1].number == 2 else {
                throw ProtoError(
                    code: .invalidSchema,
                    message: "map entry \(name) does not have fields key = 1, value = 2"
                )
            }
            entries[name] = (try fieldType(fields[0], in: name), try fieldType(fields[1], in: name))
        }
        return entries
    }

    /// The schema's view of one field.
    static func fieldInfo(
        _ field: Google__Protobuf__FieldDescriptorProto,
        in messageName: String,
        oneofName: String?,
        mapEntries: [String: (key: ProtoFieldType, value: ProtoFieldType)],
        comment: String?,
        isProto3: Bool
    ) throws -> ProtoFieldInfo {
        let name = String(optionalCString: field.name)
        let type = try fieldType(field, in: messageName)
        let isRepeated =
            field.has_label != 0 && field.label == GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__LABEL__LABEL_REPEATED
        var isMessage = false
        var mapEntry: (key: ProtoFieldType, value: ProtoFieldType)?
        if case .message(let typeName) = type {
            isMessage = true
            mapEntry = isRepeated ? mapEntries[typeName] : nil
        }
        let hasPresence = !isRepeated && (field.has_oneof_index != 0 || isMessage || !isProto3)

        return ProtoFieldInfo(
            name: name,
            jsonName: field.json_name.map { String(cString: $0) } ?? jsonName(forFieldName: name),
            number: field.number,
            type: type,
            isRepeated: isRepeated,
            oneofName: oneofName,
            hasPresence: hasPresence,
            comment: comment,
            mapEntry: mapEntry
        )
    }

    /// The field's declared type.
    ///
    /// - Throws: ``ProtoError/Code/invalidSchema`` for proto2 groups and unknown type numbers.
    static func fieldType(_ field: Google__Protobuf__FieldDescriptorProto, in messageName: String) throws
        -> ProtoFieldType
    {
        switch field.type {
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_DOUBLE: .double
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_FLOAT: .float
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_INT64: .int64
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_UINT64: .uint64
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_INT32: .int32
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_FIXED64: .fixed64
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_FIXED32: .fixed32
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_BOOL: .bool
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_STRING: .string
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_BYTES: .bytes
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_UINT32: .uint32
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_SFIXED32: .sfixed32
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_SFIXED64: .sfixed64
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_SINT32: .sint32
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_SINT64: .sint64
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_ENUM: .enum(referencedName(field.type_name))
        case GOOGLE__PROTOBUF__FIELD_DESCRIPTOR_PROTO__TYPE__TYPE_MESSAGE: .message(referencedName(field.type_name))
        default:
            throw ProtoError(
                code: .invalidSchema,
                message: "field \(messageName).\(String(optionalCString: field.name)) has type number "
                    + "\(field.type.rawValue), which is a proto2 group or unknown; use a message field"
            )
        }
    }

    /// protoc's JSON name for a field without an explicit `json_name`: underscores dropped,
    /// the letter after each one capitalized.
    static func jsonName(forFieldName name: String) -> String {
        var result = ""
        var capitalizeNext = false
        for character in name {
            if character == "_" {
                capitalizeNext = true
            } else if capitalizeNext {
                result += character.uppercased()
                capitalizeNext = false
            } else {
                result.append(character)
            }
        }
        return result
    }
}
