internal import CProtobufC

extension ProtoMessage {
    /// The message in the Protobuf binary format, fields in number order, as every Protobuf
    /// implementation writes it.
    ///
    /// Fields without presence that hold their default value are not written; map entries
    /// are written in list order with both key and value.
    ///
    /// - Returns: The encoded message.
    /// - Throws: ``ProtoError`` when the type is not one of the gateway's, a field is unknown,
    ///   a value does not fit its field, or a string holds U+0000.
    public func serializedBytes() throws -> [UInt8] {
        try LengthRecordingAllocator.withAllocator { allocator in
            let cMessage = try MessageEncoder(allocator: allocator).makeCMessage(self)
            defer { protobuf_c_message_free_unpacked(cMessage, allocator) }

            let size = protobuf_c_message_get_packed_size(cMessage)
            guard size > 0 else {
                return []
            }
            return [UInt8](unsafeUninitializedCapacity: size) { buffer, initializedCount in
                // Returns the number of bytes written, which is the packed size by construction.
                let written = protobuf_c_message_pack(cMessage, buffer.baseAddress)
                precondition(written == size, "protobuf-c packed \(written) bytes of \(typeName), not \(size)")
                initializedCount = written
            }
        }
    }

    /// Decodes a message of type `typeName` from the Protobuf binary format.
    ///
    /// Unknown fields are skipped.
    ///
    /// - Parameters:
    ///   - bytes: The encoded message.
    ///   - typeName: The full name of its type, such as `twilio.gateway.v1.SendSmsRequest`.
    ///   - options: Limits; the size limit is checked before anything is parsed.
    /// - Throws: ``ProtoError`` with ``ProtoError/Code/messageTooLarge``,
    ///   ``ProtoError/Code/unknownType``, ``ProtoError/Code/invalidEncoding`` (truncated,
    ///   malformed, or a known field with the wrong wire type), ``ProtoError/Code/invalidUTF8``
    ///   or ``ProtoError/Code/unsupportedCharacter``.
    public init(
        serializedBytes bytes: [UInt8],
        typeName: String,
        options: ProtoDecodingOptions = ProtoDecodingOptions()
    ) throws {
        guard bytes.count <= options.maxMessageSize else {
            throw ProtoError(
                code: .messageTooLarge,
                message: "a \(typeName) of \(bytes.count) bytes is over the limit of \(options.maxMessageSize) bytes"
            )
        }
        let descriptor = try DescriptorRegistry.entry(named: typeName).layout

        self = try LengthRecordingAllocator.withAllocator { allocator in
            try bytes.withUnsafeBufferPointer { buffer in
                // NULL when the bytes do not parse as the type, or memory ran out.
                let unpacked = protobuf_c_message_unpack(
                    descriptor.pointer,
                    allocator,
                    buffer.count,
                    buffer.baseAddress
                )
                guard let cMessage = unpacked else {
                    throw ProtoError(
                        code: .invalidEncoding,
                        message: "the \(bytes.count) bytes are not a valid \(typeName): truncated, malformed, "
                            + "or a field with the wrong wire type"
                    )
                }
                defer { protobuf_c_message_free_unpacked(cMessage, allocator) }

                return try MessageDecoder.makeProtoMessage(cMessage)
            }
        }
    }
}
