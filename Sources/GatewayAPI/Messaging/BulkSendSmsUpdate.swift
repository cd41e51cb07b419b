public import ProtoBridge

/// What a bulk send reports each time a recipient's send completes (`twilio.gateway.v1.BulkSendSmsUpdate`).
public struct BulkSendSmsUpdate: Hashable, Sendable, ProtoMessageConvertible {
    public static let protoTypeName = "twilio.gateway.v1.BulkSendSmsUpdate"

    /// The recipient that just completed.
    public var result: BulkRecipientResult
    /// The totals after it.
    public var progress: BulkProgress

    /// Creates an update.
    public init(result: BulkRecipientResult = BulkRecipientResult(), progress: BulkProgress = BulkProgress()) {
        self.result = result
        self.progress = progress
    }

    public init(protoMessage message: ProtoMessage) throws {
        try message.expectType(Self.protoTypeName)
        result = try message.message("result").map(BulkRecipientResult.init(protoMessage:)) ?? BulkRecipientResult()
        progress = try message.message("progress").map(BulkProgress.init(protoMessage:)) ?? BulkProgress()
    }

    public var protoMessage: ProtoMessage {
        ProtoMessage(
            typeName: Self.protoTypeName,
            ["result": .message(result.protoMessage), "progress": .message(progress.protoMessage)]
        )
    }
}
