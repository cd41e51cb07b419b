internal import CTwilioProto

/// Reads a serialized `google.protobuf.FileDescriptorSet` into a ``ProtoSchema``.
enum SchemaLoader {
    /// Reads the descriptor set that `scripts/generate-protos` embeds in `CTwilioProto`.
    static func loadEmbedded() throws -> ProtoSchema {
        try load(UnsafeRawBufferPointer(start: CTwilioProto_descriptorSet, count: Int(CTwilioProto_descriptorSetSize)))
    }

    /// Reads the descriptor set in `bytes`.
    ///
    /// - Throws: ``ProtoError/Code/invalidSchema`` when the bytes are not a descriptor set
    ///   or use proto2 groups.
    static func load(_ bytes: UnsafeRawBufferPointer) throws -> ProtoSchema {
        let data = bytes.baseAddress?.assumingMemoryBound(to: UInt8.self)
        // NULL when the bytes are not a FileDescriptorSet or memory ran out.
        guard let set = google__protobuf__file_descriptor_set__unpack(nil, bytes.count, data) else {
            throw ProtoError(
                code: .invalidSchema,
                message: "the descriptor set is not a valid google.protobuf.FileDescriptorSet"
            )
        }
        defer { google__protobuf__file_descriptor_set__free_unpacked(set, nil) }

        var builder = SchemaBuilder()
        for file in CArray.elements(set.pointee.file, count: set.pointee.n_file) {
            try builder.add(file.pointee)
        }

        return builder.makeSchema()
    }
}
