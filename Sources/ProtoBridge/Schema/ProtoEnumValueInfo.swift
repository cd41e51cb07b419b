/// One value of an enum type.
public struct ProtoEnumValueInfo: Hashable, Sendable {
    /// The value's name, such as `NOT_SERVING`.
    public let name: String
    /// The value's number.
    public let number: Int32
    /// The value's leading comment in the .proto file, or `nil`.
    public let comment: String?
}
