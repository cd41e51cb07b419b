public import RPCCore

extension RPCMethod {
    /// `twilio.gateway.v1.Messaging/GetMessage`: ``GetMessageRequest`` to ``Message``.
    public static let getMessage = RPCMethod(service: "twilio.gateway.v1.Messaging", name: "GetMessage")
    /// `twilio.gateway.v1.Messaging/CancelMessage`: ``CancelMessageRequest`` to ``Message``.
    public static let cancelMessage = RPCMethod(service: "twilio.gateway.v1.Messaging", name: "CancelMessage")
    /// `twilio.gateway.v1.Messaging/BulkSendSms`: ``BulkSendSmsRequest`` to a stream of ``BulkSendSmsUpdate``.
    public static let bulkSendSms = RPCMethod(service: "twilio.gateway.v1.Messaging", name: "BulkSendSms")
}
