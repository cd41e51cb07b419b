internal import CProtobufC

/// Copies an unpacked protobuf-c message into a ``ProtoMessage``, reading each field at the
/// offset its descriptor gives.
///
/// The message must have been unpacked with ``LengthRecordingAllocator``, whose headers give
/// the true length of each string. The decoder only reads; the caller frees the message.
enum MessageDecoder {
    /// The value of every set field of `cMessage`.
    ///
    /// - Throws: ``ProtoError/Code/invalidUTF8`` or ``ProtoError/Code/unsupportedCharacter``
    ///   for a string field that is not UTF-8 or holds U+0000.
    static func makeProtoMessage(_ cMessage: UnsafePointer<ProtobufCMessage>) throws -> ProtoMessage {
        let descriptor = CMessageDescriptor(pointer: cMessage.pointee.descriptor)
        let block = UnsafeRawPointer(cMessage)
        var message = ProtoMessage(typeName: descriptor.fullName)
        for field in descriptor.fields {
            let name = String(cString: field.name)
            message[name] = try read(field, of: block, path: "\(message.typeName).\(name)")
        }

        return message
    }

    private static func read(_ field: ProtobufCFieldDescriptor, of block: UnsafeRawPointer, path: String) throws
        -> ProtoValue?
    {
        let member = block + Int(field.offset)
        let quantifier = block + Int(field.quantifier_offset)
        if field.label == PROTOBUF_C_LABEL_REPEATED {
            let count = quantifier.load(as: Int.self)
            guard count > 0, let array = member.load(as: UnsafeRawPointer?.self) else {
                return nil
            }
            let stride = field.type.repeatedElementSize
            let elements = try (0..<count).map { index in
                try readSingular(field, at: array + index * stride, path: "\(path)[\(index)]")
            }
            return .list(elements.compactMap { $0 })
        }

        if field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue != 0 {
            guard quantifier.load(as: UInt32.self) == field.id else {
                return nil
            }
        } else if field.label == PROTOBUF_C_LABEL_OPTIONAL {
            if field.type == PROTOBUF_C_TYPE_STRING || field.type == PROTOBUF_C_TYPE_MESSAGE {
                let pointer = member.load(as: UnsafeRawPointer?.self)
                guard pointer != nil, pointer != field.default_value else {
                    return nil
                }
            } else if quantifier.load(as: protobuf_c_boolean.self) == 0 {
                return nil
            }
        }

        return try readSingular(field, at: member, path: path)
    }

    private static func readSingular(_ field: ProtobufCFieldDescriptor, at member: UnsafeRawPointer, path: String)
        throws -> ProtoValue?
    {
        switch field.type {
        case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_SINT32, PROTOBUF_C_TYPE_SFIXED32:
            return .int(Int64(member.load(as: Int32.self)))
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64:
            return .int(member.load(as: Int64.self))
        case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_FIXED32:
            return .uint(UInt64(member.load(as: UInt32.self)))
        case PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64:
            return .uint(member.load(as: UInt64.self))
        case PROTOBUF_C_TYPE_FLOAT:
            return .float(member.load(as: Float.self))
        case PROTOBUF_C_TYPE_DOUBLE:
            return .double(member.load(as: Double.self))
        case PROTOBUF_C_TYPE_BOOL:
            return .bool(member.load(as: protobuf_c_boolean.self) != 0)
        case PROTOBUF_C_TYPE_ENUM:
            return .enumValue(member.load(as: Int32.self))
        case PROTOBUF_C_TYPE_STRING:
            return .string(try readString(field, at: member, path: path))
        case PROTOBUF_C_TYPE_BYTES:
            let data = member.load(as: ProtobufCBinaryData.self)
            guard data.len > 0, let bytes = data.data else {
                return .bytes([])
            }
            return .bytes(Array(UnsafeBufferPointer(start: bytes, count: data.len)))
        case PROTOBUF_C_TYPE_MESSAGE:
            guard let message = member.load(as: UnsafePointer<ProtobufCMessage>?.self) else {
                return nil
            }
            return .message(try makeProtoMessage(message))
        default:
            preconditionFailure("protobuf-c field type \(field.type.rawValue) of \(path) is not handled")
        }
    }

    /// The text of a string field.
    ///
    /// A string that was on the wire sits in a block of `length + 1` bytes (see
    /// ``LengthRecordingAllocator``); one that was not is NULL or the field's static default.
    private static func readString(_ field: ProtobufCFieldDescriptor, at member: UnsafeRawPointer, path: String)
        throws -> String
    {
        guard let pointer = member.load(as: UnsafeRawPointer?.self) else {
            return ""
        }
        if pointer == field.default_value {
            return String(cString: pointer.assumingMemoryBound(to: CChar.self))
        }
        let bytes = UnsafeRawBufferPointer(
            start: pointer,
            count: LengthRecordingAllocator.requestedSize(of: pointer) - 1
        )
        guard !bytes.contains(0) else {
            throw ProtoError(
                code: .unsupportedCharacter,
                message: "field \(path) holds U+0000 (NUL), which the gateway does not accept in strings"
            )
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ProtoError(code: .invalidUTF8, message: "field \(path) is not valid UTF-8; string fields must be")
        }

        return text
    }
}
