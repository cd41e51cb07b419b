internal import CProtobufC
internal import CTwilioProto

/// The protobuf-c descriptor of every generated message type, by full name.
enum DescriptorRegistry {
    /// The descriptors of one message type.
    struct Entry: Sendable {
        /// The generated descriptor: the struct layout, and the one to unpack with.
        let layout: CMessageDescriptor
        /// The descriptor to put in a message that is about to be packed.
        ///
        /// For a map entry type it is a copy whose fields are all `REQUIRED`, so that protobuf-c
        /// writes the key and the value even when they hold default values, as the Protobuf
        /// encoding of maps requires (protoc-c marks them as proto3 fields without presence).
        /// For every other type it is ``layout``.
        let packing: CMessageDescriptor
    }

    private static let entries: [String: Entry] = {
        var entries: [String: Entry] = [:]
        let table = UnsafeBufferPointer(start: CTwilioProto_messages, count: Int(CTwilioProto_messageCount))
        for case let pointer? in table {
            let layout = CMessageDescriptor(pointer: pointer)
            let isMapEntry = ProtoSchema.gateway.message(named: layout.fullName)?.isMapEntry == true
            let packing = isMapEntry ? makeRequiredFieldsCopy(of: layout) : layout
            entries[layout.fullName] = Entry(layout: layout, packing: packing)
        }
        return entries
    }()

    /// The descriptors of the message type `fullName`.
    ///
    /// - Throws: ``ProtoError/Code/unknownType`` when the gateway has no such type.
    static func entry(named fullName: String) throws -> Entry {
        guard let entry = entries[fullName] else {
            throw ProtoError(
                code: .unknownType,
                message: "\(fullName) is not a message type of the gateway; use a full name such as "
                    + "twilio.gateway.v1.SendSmsRequest"
            )
        }
        return entry
    }

    /// A copy of `descriptor` with every field relabelled `REQUIRED`.
    ///
    /// The copy and its field array are never freed: they live in ``entries`` for the life
    /// of the process.
    private static func makeRequiredFieldsCopy(of descriptor: CMessageDescriptor) -> CMessageDescriptor {
        let source = descriptor.fields
        let fields = UnsafeMutablePointer<ProtobufCFieldDescriptor>.allocate(capacity: source.count)
        for index in source.indices {
            var field = source[index]
            field.label = PROTOBUF_C_LABEL_REQUIRED
            (fields + index).initialize(to: field)
        }
        let copy = UnsafeMutablePointer<ProtobufCMessageDescriptor>.allocate(capacity: 1)
        copy.initialize(to: descriptor.pointer.pointee)
        copy.pointee.fields = UnsafePointer(fields)

        return CMessageDescriptor(pointer: UnsafePointer(copy))
    }
}
