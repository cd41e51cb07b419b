public import ProtoBridge

/// The totals of a bulk send so far (`twilio.gateway.v1.BulkProgress`).
public struct BulkProgress: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.BulkProgress"

    /// How many recipients the request has.
    public var total: Int32
    /// How many messages Twilio accepted.
    public var sent: Int32
    /// How many recipients were not sent (failed, opted out or duplicate).
    public var failed: Int32
    /// How many recipients have no result yet.
    public var remaining: Int32
    /// How many extra requests the 429 retries took.
    public var retries: Int32

    /// Creates totals.
    public init(total: Int32 = 0, sent: Int32 = 0, failed: Int32 = 0, remaining: Int32 = 0, retries: Int32 = 0) {
        self.total = total
        self.sent = sent
        self.failed = failed
        self.remaining = remaining
        self.retries = retries
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        total = try message.int32("total") ?? 0
        sent = try message.int32("sent") ?? 0
        failed = try message.int32("failed") ?? 0
        remaining = try message.int32("remaining") ?? 0
        retries = try message.int32("retries") ?? 0
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            [
                "total": .int(Int64(total)), "sent": .int(Int64(sent)), "failed": .int(Int64(failed)),
                "remaining": .int(Int64(remaining)), "retries": .int(Int64(retries)),
            ]
        )
    }
}
