internal import CProtobufC

/// A protobuf-c message descriptor: where each field of a message type sits in its C struct.
///
/// `@unchecked Sendable` is safe because descriptors are never written to: they are either
/// the static data that protoc-c generated or copies that ``DescriptorRegistry`` makes once
/// and keeps for the life of the process.
struct CMessageDescriptor: @unchecked Sendable {
    /// The descriptor.
    let pointer: UnsafePointer<ProtobufCMessageDescriptor>

    /// The full name, such as `twilio.gateway.v1.Event`.
    var fullName: String {
        String(cString: pointer.pointee.name)
    }

    /// The fields, sorted by number.
    var fields: UnsafeBufferPointer<ProtobufCFieldDescriptor> {
        UnsafeBufferPointer(start: pointer.pointee.fields, count: Int(pointer.pointee.n_fields))
    }
}
