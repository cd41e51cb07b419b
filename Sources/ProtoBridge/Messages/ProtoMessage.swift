/// A message of one of the gateway's types, with its field values keyed by the fields'
/// .proto names (`messaging_service_sid`).
///
/// Unset fields are absent. Presence follows proto3:
/// - A field without presence (see ``ProtoFieldInfo/hasPresence``) that is given its default
///   value (0, `false`, "", no bytes, enum number 0, an empty list) is removed, because the
///   wire format cannot tell it from an unset field; decoding never yields one either.
/// - Setting a member of a oneof removes the other members.
/// - Map fields are lists of entry messages (type ``ProtoFieldInfo/type``, fields `key` and
///   `value`), in the order they are encoded; decoding keeps the wire order and any repeated
///   keys. ``ProtoMessageConvertible`` types turn them into dictionaries.
///
/// Values are not checked against the field types when set; ``serializedBytes()`` does that
/// and throws ``ProtoError``.
public struct ProtoMessage: Hashable, Sendable {
    /// The full name of the message type, such as `twilio.gateway.v1.SendSmsRequest`.
    public let typeName: String
    /// The values of the set fields, by field name.
    public private(set) var fields: [String: ProtoValue]

    /// Creates a message with no field set.
    ///
    /// - Parameter typeName: A full name from ``ProtoSchema/gateway``, without a leading dot.
    public init(typeName: String) {
        self.typeName = typeName
        self.fields = [:]
    }

    /// Creates a message and sets `values` in order, as the subscript does.
    ///
    /// - Parameters:
    ///   - typeName: A full name from ``ProtoSchema/gateway``, without a leading dot.
    ///   - values: Field names and values; a later member of a oneof replaces an earlier one.
    public init(typeName: String, _ values: KeyValuePairs<String, ProtoValue>) {
        self.init(typeName: typeName)
        for (name, value) in values {
            self[name] = value
        }
    }

    /// The value of the field called `name`, or `nil` when it is unset.
    ///
    /// Setting `nil` unsets the field. Setting a value to a oneof member unsets the other
    /// members; setting a field without presence to its default value unsets it.
    public subscript(name: String) -> ProtoValue? {
        get {
            fields[name]
        }
        set {
            guard let newValue else {
                fields[name] = nil
                return
            }
            guard let info = ProtoSchema.gateway.message(named: typeName), let field = info.field(named: name) else {
                fields[name] = newValue
                return
            }
            if let oneof = field.oneofName {
                for member in info.fields where member.oneofName == oneof && member.name != name {
                    fields[member.name] = nil
                }
            }

            fields[name] = !field.hasPresence && newValue.isDefault(for: field) ? nil : newValue
        }
    }
}
