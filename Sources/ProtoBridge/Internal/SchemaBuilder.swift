internal import CTwilioProto

/// Collects the services, messages and enums of descriptor protos into a ``ProtoSchema``.
///
/// Works on the C structs of an unpacked descriptor set, which must stay alive while it runs;
/// everything it keeps is copied into Swift values.
struct SchemaBuilder {
    /// What every element of one file shares.
    struct FileContext {
        var comments: SourceComments
        var isProto3: Bool
    }

    private var services: [ProtoServiceInfo] = []
    private var messages: [ProtoMessageInfo] = []
    private var enums: [ProtoEnumInfo] = []

    /// The schema of every file added so far.
    func makeSchema() -> ProtoSchema {
        ProtoSchema(services: services, messages: messages, enums: enums)
    }

    /// Adds the messages, enums and services of one file.
    mutating func add(_ file: Google__Protobuf__FileDescriptorProto) throws {
        let package = String(optionalCString: file.package)
        let context = FileContext(
            comments: SourceComments(file.source_code_info),
            isProto3: String(optionalCString: file.syntax) == "proto3"
        )

        let messageTypes = CArray.elements(file.message_type, count: file.n_message_type)
        for (index, message) in messageTypes.enumerated() {
            try addMessage(message.pointee, path: [4, Int32(index)], scope: package, context: context)
        }
        let enumTypes = CArray.elements(file.enum_type, count: file.n_enum_type)
        for (index, enumType) in enumTypes.enumerated() {
            addEnum(enumType.pointee, path: [5, Int32(index)], scope: package, context: context)
        }
        for (index, service) in CArray.elements(file.service, count: file.n_service).enumerated() {
            addService(service.pointee, path: [6, Int32(index)], scope: package, context: context)
        }
    }

    private mutating func addMessage(
        _ proto: Google__Protobuf__DescriptorProto,
        path: [Int32],
        scope: String,
        context: FileContext
    ) throws {
        let name = String(optionalCString: proto.name)
        let fullName = Self.qualified(name, in: scope)
        let nestedTypes = CArray.elements(proto.nested_type, count: proto.n_nested_type)
        let mapEntries = try Self.mapEntries(among: nestedTypes.map(\.pointee), in: fullName)

        let oneofDecls = CArray.elements(proto.oneof_decl, count: proto.n_oneof_decl)
        var oneofMembers = Array(repeating: [String](), count: oneofDecls.count)
        var isSyntheticOneof = Array(repeating: false, count: oneofDecls.count)
        var fields: [ProtoFieldInfo] = []
        for (index, fieldPointer) in CArray.elements(proto.field, count: proto.n_field).enumerated() {
            let field = fieldPointer.pointee
            let fieldName = String(optionalCString: field.name)
            let isProto3Optional = field.has_proto3_optional != 0 && field.proto3_optional != 0
            var oneofName: String?
            if field.has_oneof_index != 0 {
                let oneof = Int(field.oneof_index)
                guard oneofDecls.indices.contains(oneof) else {
                    throw ProtoError(
                        code: .invalidSchema,
                        message: "field \(fullName).\(fieldName) names oneof \(oneof), which does not exist"
                    )
                }
                if isProto3Optional {
                    isSyntheticOneof[oneof] = true
                } else {
                    oneofName = String(optionalCString: oneofDecls[oneof].pointee.name)
                    oneofMembers[oneof].append(fieldName)
                }
            }
            fields.append(
                try Self.fieldInfo(
                    field,
                    in: fullName,
                    oneofName: oneofName,
                    mapEntries: mapEntries,
                    comment: context.comments.comment(at: path + [2, Int32(index)]),
                    isProto3: context.isProto3
                )
            )
        }

        let oneofs = oneofDecls.indices.compactMap { index -> ProtoOneofInfo? in
            guard !isSyntheticOneof[index] else {
                return nil
            }
            return ProtoOneofInfo(
                name: String(optionalCString: oneofDecls[index].pointee.name),
                comment: context.comments.comment(at: path + [8, Int32(index)]),
                fieldNames: oneofMembers[index]
            )
        }
        messages.append(
            ProtoMessageInfo(
                fullName: fullName,
                name: name,
                comment: context.comments.comment(at: path),
                fields: fields,
                oneofs: oneofs,
                isMapEntry: Self.isMapEntry(proto)
            )
        )

        for (index, nested) in nestedTypes.enumerated() {
            try addMessage(nested.pointee, path: path + [3, Int32(index)], scope: fullName, context: context)
        }
        for (index, enumType) in CArray.elements(proto.enum_type, count: proto.n_enum_type).enumerated() {
            addEnum(enumType.pointee, path: path + [4, Int32(index)], scope: fullName, context: context)
        }
    }

    private mutating func addEnum(
        _ proto: Google__Protobuf__EnumDescriptorProto,
        path: [Int32],
        scope: String,
        context: FileContext
    ) {
        let name = String(optionalCString: proto.name)
        let values = CArray.elements(proto.value, count: proto.n_value).enumerated().map { index, value in
            ProtoEnumValueInfo(
                name: String(optionalCString: value.pointee.name),
                number: value.pointee.number,
                comment: context.comments.comment(at: path + [2, Int32(index)])
            )
        }
        enums.append(
            ProtoEnumInfo(
                fullName: Self.qualified(name, in: scope),
                name: name,
                comment: context.comments.comment(at: path),
                values: values
            )
        )
    }

    private mutating func addService(
        _ proto: Google__Protobuf__ServiceDescriptorProto,
        path: [Int32],
        scope: String,
        context: FileContext
    ) {
        let name = String(optionalCString: proto.name)
        let methods = CArray.elements(proto.method, count: proto.n_method).enumerated().map { index, method in
            ProtoMethodInfo(
                name: String(optionalCString: method.pointee.name),
                inputTypeName: Self.referencedName(method.pointee.input_type),
                outputTypeName: Self.referencedName(method.pointee.output_type),
                clientStreaming: method.pointee.has_client_streaming != 0 && method.pointee.client_streaming != 0,
                serverStreaming: method.pointee.has_server_streaming != 0 && method.pointee.server_streaming != 0,
                comment: context.comments.comment(at: path + [2, Int32(index)])
            )
        }
        services.append(
            ProtoServiceInfo(
                fullName: Self.qualified(name, in: scope),
                name: name,
                comment: context.comments.comment(at: path),
                methods: methods
            )
        )
    }

    /// `name` inside the package or message `scope`.
    static func qualified(_ name: String, in scope: String) -> String {
        scope.isEmpty ? name : "\(scope).\(name)"
    }

    /// A type reference such as `.twilio.gateway.v1.Message`, without the leading dot.
    static func referencedName(_ pointer: UnsafePointer<CChar>?) -> String {
        let name = String(optionalCString: pointer)
        return name.hasPrefix(".") ? String(name.dropFirst()) : name
    }

    /// Whether `proto` has the `map_entry` option that protoc sets on a map's entry type.
    static func isMapEntry(_ proto: Google__Protobuf__DescriptorProto) -> Bool {
        guard let options = proto.options else {
            return false
        }
        return options.pointee.has_map_entry != 0 && options.pointee.map_entry != 0
    }
}
