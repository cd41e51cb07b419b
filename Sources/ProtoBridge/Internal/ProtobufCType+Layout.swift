internal import CProtobufC

extension ProtobufCType {
    /// The size of one element of a repeated field of this type in its C array, as
    /// protobuf-c lays it out (`sizeof_elt_in_repeated_array`).
    var repeatedElementSize: Int {
        switch self {
        case PROTOBUF_C_TYPE_INT64, PROTOBUF_C_TYPE_SINT64, PROTOBUF_C_TYPE_SFIXED64, PROTOBUF_C_TYPE_UINT64,
            PROTOBUF_C_TYPE_FIXED64, PROTOBUF_C_TYPE_DOUBLE:
            MemoryLayout<UInt64>.size
        case PROTOBUF_C_TYPE_BOOL:
            MemoryLayout<protobuf_c_boolean>.size
        case PROTOBUF_C_TYPE_STRING, PROTOBUF_C_TYPE_MESSAGE:
            MemoryLayout<UnsafeRawPointer>.size
        case PROTOBUF_C_TYPE_BYTES:
            MemoryLayout<ProtobufCBinaryData>.size
        default:
            MemoryLayout<UInt32>.size
        }
    }
}
