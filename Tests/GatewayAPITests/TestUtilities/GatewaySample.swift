import GatewayAPI
import ProtoBridge

/// A typed message, and the Python expression that builds the same message with the classes
/// protoc generates, for the cross-check against Python's protobuf package.
struct GatewaySample: Sendable, CustomStringConvertible {
    let name: String
    let value: any ProtoMessageConvertible
    let python: String
    /// Whether the message has a map in which one key is a prefix of another, such as "" and
    /// "a": upb 4.21's deterministic encoding puts the longer key first, unlike pure-Python
    /// and C++ protobuf, which order keys by their bytes as the Swift encoder does.
    let mapKeysArePrefixes: Bool
    private let decodeBytes: @Sendable ([UInt8]) throws -> any ProtoMessageConvertible
    private let decodeMessage: @Sendable (ProtoMessage) throws -> any ProtoMessageConvertible
    private let equalsValue: @Sendable (any ProtoMessageConvertible) -> Bool

    init<Value: ProtoMessageConvertible & Equatable>(
        _ name: String,
        _ value: Value,
        python: String,
        mapKeysArePrefixes: Bool = false
    ) {
        self.name = name
        self.value = value
        self.python = python
        self.mapKeysArePrefixes = mapKeysArePrefixes
        decodeBytes = { try Value(serializedBytes: $0) }
        decodeMessage = { try Value(protoMessage: $0) }
        equalsValue = { ($0 as? Value) == value }
    }

    var description: String { name }

    /// Decodes `bytes` as the sample's type.
    func decode(_ bytes: [UInt8]) throws -> any ProtoMessageConvertible {
        try decodeBytes(bytes)
    }

    /// Converts `message` to the sample's type.
    func convert(_ message: ProtoMessage) throws -> any ProtoMessageConvertible {
        try decodeMessage(message)
    }

    /// Whether `other` is of the sample's type and equal to its value.
    func matches(_ other: any ProtoMessageConvertible) -> Bool {
        equalsValue(other)
    }
}
