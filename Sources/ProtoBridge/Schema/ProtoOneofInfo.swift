/// A oneof of a message: a group of fields of which at most one is set.
///
/// The synthetic oneofs that protoc makes for proto3 `optional` fields are not listed.
public struct ProtoOneofInfo: Hashable, Sendable {
    /// The oneof's name, such as `sender`.
    public let name: String
    /// The oneof's leading comment in the .proto file, or `nil`.
    public let comment: String?
    /// The names of the member fields, in declaration order.
    public let fieldNames: [String]
}
