internal import CProtobufC

extension MessageEncoder {
    /// Field names of `message` that its type does not declare are a mistake worth reporting,
    /// since the encoder would otherwise drop them.
    static func checkFieldNames(of message: ProtoMessage, against descriptor: CMessageDescriptor) throws {
        let declared = Set(descriptor.fields.map { String(cString: $0.name) })
        if let unknown = message.fields.keys.sorted().first(where: { !declared.contains($0) }) {
            throw ProtoError(code: .unknownField, message: "\(message.typeName) has no field named \(unknown)")
        }
    }

    /// The descriptor of a message field's type.
    static func messageDescriptor(of field: ProtobufCFieldDescriptor) -> UnsafePointer<ProtobufCMessageDescriptor> {
        guard let descriptor = field.descriptor else {
            preconditionFailure("protobuf-c message field \(String(cString: field.name)) has no descriptor")
        }
        return descriptor.assumingMemoryBound(to: ProtobufCMessageDescriptor.self)
    }

    /// `value` as a 32-bit integer.
    ///
    /// - Throws: ``ProtoError/Code/valueOutOfRange`` when it does not fit.
    static func narrowed<Wide: BinaryInteger, Narrow: FixedWidthInteger>(
        _ value: Wide,
        as type: Narrow.Type,
        path: String
    ) throws -> Narrow {
        guard let narrow = Narrow(exactly: value) else {
            throw ProtoError(
                code: .valueOutOfRange,
                message: "field \(path) holds \(value), outside \(Narrow.min)...\(Narrow.max)"
            )
        }
        return narrow
    }

    /// A NUL-terminated copy of `text`.
    ///
    /// - Throws: ``ProtoError/Code/unsupportedCharacter`` when `text` holds U+0000, which a
    ///   protobuf-c string field cannot carry (it would be cut short there).
    static func makeCString(_ text: String, path: String) throws -> UnsafeMutableRawPointer {
        var text = text
        return try text.withUTF8 { utf8 in
            guard !utf8.contains(0) else {
                throw ProtoError(
                    code: .unsupportedCharacter,
                    message: "field \(path) holds U+0000 (NUL), which the gateway cannot send; remove it"
                )
            }
            let block = LengthRecordingAllocator.allocateZeroed(utf8.count + 1)
            if let base = utf8.baseAddress {
                block.copyMemory(from: base, byteCount: utf8.count)
            }
            return block
        }
    }

    /// A copy of `bytes` as protobuf-c holds them; no block when they are empty.
    static func makeBinaryData(_ bytes: [UInt8]) -> ProtobufCBinaryData {
        guard !bytes.isEmpty else {
            return ProtobufCBinaryData(len: 0, data: nil)
        }
        let block = LengthRecordingAllocator.allocateZeroed(bytes.count)
        bytes.withUnsafeBytes { block.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }

        return ProtobufCBinaryData(len: bytes.count, data: block.assumingMemoryBound(to: UInt8.self))
    }
}
