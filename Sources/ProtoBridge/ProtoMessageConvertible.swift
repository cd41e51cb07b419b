/// A Swift type that stands for one Protobuf message type and converts to and from
/// ``ProtoMessage``.
public protocol ProtoMessageConvertible: Sendable {
    /// The full name of the message type, such as `twilio.gateway.v1.SendSmsRequest`.
    static var protoTypeName: String { get }

    /// Creates a value from a message of type ``protoTypeName``.
    ///
    /// - Throws: ``ProtoError`` when the message is of another type or a field holds a value
    ///   of the wrong kind.
    init(protoMessage: ProtoMessage) throws

    /// The value as a message of type ``protoTypeName``.
    var protoMessage: ProtoMessage { get }
}

extension ProtoMessageConvertible {
    /// The value in the Protobuf binary format.
    ///
    /// - Throws: ``ProtoError``, for example when a string holds U+0000.
    public func serializedBytes() throws -> [UInt8] {
        try protoMessage.serializedBytes()
    }

    /// Decodes a value from the Protobuf binary format.
    ///
    /// - Parameters:
    ///   - bytes: The encoded message.
    ///   - options: Decoding limits.
    /// - Throws: ``ProtoError`` when the bytes are not a valid message of ``protoTypeName``.
    public init(serializedBytes bytes: [UInt8], options: ProtoDecodingOptions = ProtoDecodingOptions()) throws {
        try self.init(
            protoMessage: ProtoMessage(serializedBytes: bytes, typeName: Self.protoTypeName, options: options)
        )
    }
}
