internal import CProtobufC

/// Builds the protobuf-c struct of a ``ProtoMessage``, writing each field at the offset its
/// descriptor gives, ready for `protobuf_c_message_pack`.
///
/// Every block comes from ``LengthRecordingAllocator``, and every pointer is stored as soon
/// as its block exists, so `protobuf_c_message_free_unpacked` with that allocator frees a
/// built message and everything it points to, even one left half-built by a throw.
struct MessageEncoder {
    /// The allocator the built messages must be freed with.
    let allocator: UnsafeMutablePointer<ProtobufCAllocator>

    /// Builds the struct of `message`.
    ///
    /// - Returns: A message the caller must free with `protobuf_c_message_free_unpacked`
    ///   and ``allocator``.
    /// - Throws: ``ProtoError`` when the message does not fit its type.
    func makeCMessage(_ message: ProtoMessage) throws -> UnsafeMutablePointer<ProtobufCMessage> {
        let entry = try DescriptorRegistry.entry(named: message.typeName)
        try Self.checkFieldNames(of: message, against: entry.layout)

        let block = LengthRecordingAllocator.allocateZeroed(entry.layout.pointer.pointee.sizeof_message)
        protobuf_c_message_init(entry.layout.pointer, block)
        block.storeBytes(of: entry.packing.pointer, as: UnsafePointer<ProtobufCMessageDescriptor>.self)
        let cMessage = block.assumingMemoryBound(to: ProtobufCMessage.self)

        do {
            for field in entry.layout.fields {
                let name = String(cString: field.name)
                if let value = message.fields[name] {
                    try write(value, to: field, of: block, path: "\(message.typeName).\(name)")
                }
            }
        } catch {
            protobuf_c_message_free_unpacked(cMessage, allocator)
            throw error
        }

        return cMessage
    }

    private func write(
        _ value: ProtoValue,
        to field: ProtobufCFieldDescriptor,
        of block: UnsafeMutableRawPointer,
        path: String
    ) throws {
        let member = block + Int(field.offset)
        let quantifier = block + Int(field.quantifier_offset)
        if field.label == PROTOBUF_C_LABEL_REPEATED {
            guard case .list(let elements) = value else {
                throw ProtoError(
                    code: .typeMismatch,
                    message: "field \(path) is repeated and needs a list, got \(value.kindName)"
                )
            }
            try writeElements(elements, to: field, member: member, count: quantifier, path: path)
            return
        }

        try writeSingular(value, to: field, at: member, path: path)
        if field.flags & PROTOBUF_C_FIELD_FLAG_ONEOF.rawValue != 0 {
            // ProtoMessage keeps at most one member of a oneof set, so the union holds this one.
            quantifier.storeBytes(of: field.id, as: UInt32.self)
        } else if field.label == PROTOBUF_C_LABEL_OPTIONAL, field.type != PROTOBUF_C_TYPE_STRING,
            field.type != PROTOBUF_C_TYPE_MESSAGE
        {
            // proto3 `optional` scalars have a has_ flag; strings and messages are present
            // when their pointer is set.
            quantifier.storeBytes(of: 1, as: protobuf_c_boolean.self)
        }
    }

    private func writeElements(
        _ elements: [ProtoValue],
        to field: ProtobufCFieldDescriptor,
        member: UnsafeMutableRawPointer,
        count: UnsafeMutableRawPointer,
        path: String
    ) throws {
        guard !elements.isEmpty else {
            return
        }
        let stride = field.type.repeatedElementSize
        let array = LengthRecordingAllocator.allocateZeroed(stride * elements.count)
        member.storeBytes(of: array, as: UnsafeMutableRawPointer.self)
        count.storeBytes(of: elements.count, as: Int.self)

        for (index, element) in elements.enumerated() {
            try writeSingular(element, to: field, at: array + index * stride, path: "\(path)[\(index)]")
        }
    }

    private func writeSingular(
        _ value: ProtoValue,
        to field: ProtobufCFieldDescriptor,
        at member: UnsafeMutableRawPointer,
        path: String
    ) throws {
        let mismatch = { (expected: String) in
            ProtoError(code: .typeMismatch, message: "field \(path) needs \(expected), got \(value.kindName)")
        }
        switch field.type {
        case PROTOBUF_C_TYPE_INT32, PROTOBUF_C_TYPE_SINT32, PROTOBUF_C_TYPE_SFIXED32:
            guard let number = value.intValue else { throw mismatch("an int") }
            member.storeBytes(of: try Self.narrowed(number, as: Int32.self, path: path), as: Int32.self)
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64:
            guard let number = value.intValue else { throw mismatch("an int") }
            member.storeBytes(of: number, as: Int64.self)
        case PROTOBUF_C_TYPE_UINT32, PROTOBUF_C_TYPE_FIXED32:
            guard let number = value.uintValue else { throw mismatch("a uint") }
            member.storeBytes(of: try Self.narrowed(number, as: UInt32.self, path: path), as: UInt32.self)
        case PROTOBUF_C_TYPE_UINT64, PROTOBUF_C_TYPE_FIXED64:
            guard let number = value.uintValue else { throw mismatch("a uint") }
            member.storeBytes(of: number, as: UInt64.self)
        case PROTOBUF_C_TYPE_FLOAT:
            guard let number = value.floatValue else { throw mismatch("a float") }
            member.storeBytes(of: number, as: Float.self)
        case PROTOBUF_C_TYPE_DOUBLE:
            guard let number = value.doubleValue else { throw mismatch("a double") }
            member.storeBytes(of: number, as: Double.self)
        case PROTOBUF_C_TYPE_BOOL:
            guard let flag = value.boolValue else { throw mismatch("a bool") }
            member.storeBytes(of: flag ? 1 : 0, as: protobuf_c_boolean.self)
        case PROTOBUF_C_TYPE_ENUM:
            guard let number = value.enumNumber else { throw mismatch("an enum value") }
            member.storeBytes(of: number, as: Int32.self)
        case PROTOBUF_C_TYPE_STRING:
            guard let text = value.stringValue else { throw mismatch("a string") }
            member.storeBytes(of: try Self.makeCString(text, path: path), as: UnsafeMutableRawPointer.self)
        case PROTOBUF_C_TYPE_BYTES:
            guard let bytes = value.bytesValue else { throw mismatch("bytes") }
            member.storeBytes(of: Self.makeBinaryData(bytes), as: ProtobufCBinaryData.self)
        case PROTOBUF_C_TYPE_MESSAGE:
            guard let message = value.messageValue else { throw mismatch("a message") }
            let expected = String(cString: Self.messageDescriptor(of: field).pointee.name)
            guard message.typeName == expected else { throw mismatch("a \(expected) message") }
            member.storeBytes(of: try makeCMessage(message), as: UnsafeMutablePointer<ProtobufCMessage>.self)
        default:
            preconditionFailure("protobuf-c field type \(field.type.rawValue) of \(path) is not handled")
        }
    }
}
