/// One field of a message, as declared in its .proto file.
public struct ProtoFieldInfo: Hashable, Sendable {
    /// The field's name in the .proto file, such as `messaging_service_sid`.
    public let name: String
    /// The field's name in Protobuf's JSON mapping, such as `messagingServiceSid`.
    public let jsonName: String
    /// The field number.
    public let number: Int32
    /// The field's type; for a map field, the type of its entry message.
    public let type: ProtoFieldType
    /// Whether the field is `repeated`; map fields are.
    public let isRepeated: Bool
    /// The oneof the field belongs to, or `nil`; proto3 `optional` fields belong to none.
    public let oneofName: String?
    /// Whether the field can be set to its default value and still count as set: members
    /// of a oneof, singular message fields and proto3 `optional` fields.
    ///
    /// Fields without presence that hold their default value (zero, `false`, empty) are
    /// not written on the wire, and read back as unset.
    public let hasPresence: Bool
    /// The field's leading comment in the .proto file, or `nil`.
    public let comment: String?
    private let mapKeyType: ProtoFieldType?
    private let mapValueType: ProtoFieldType?

    init(
        name: String,
        jsonName: String,
        number: Int32,
        type: ProtoFieldType,
        isRepeated: Bool,
        oneofName: String?,
        hasPresence: Bool,
        comment: String?,
        mapEntry: (key: ProtoFieldType, value: ProtoFieldType)?
    ) {
        self.name = name
        self.jsonName = jsonName
        self.number = number
        self.type = type
        self.isRepeated = isRepeated
        self.oneofName = oneofName
        self.hasPresence = hasPresence
        self.comment = comment
        self.mapKeyType = mapEntry?.key
        self.mapValueType = mapEntry?.value
    }

    /// The key and value types of a map field, or `nil` when the field is not a map.
    ///
    /// A map field is also a repeated field of its entry message type (``type``), which
    /// is how ``ProtoMessage`` holds it: a list of entry messages with fields `key` and
    /// `value`.
    public var mapEntry: (key: ProtoFieldType, value: ProtoFieldType)? {
        guard let mapKeyType, let mapValueType else {
            return nil
        }
        return (mapKeyType, mapValueType)
    }

    /// Whether the field is a map field.
    public var isMap: Bool {
        mapKeyType != nil
    }
}
