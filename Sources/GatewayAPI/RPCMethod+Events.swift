public import RPCCore

extension RPCMethod {
    /// `twilio.gateway.v1.Events/AckEvents`: ``AckEventsRequest`` to ``AckEventsResponse``.
    public static let ackEvents = RPCMethod(service: "twilio.gateway.v1.Events", name: "AckEvents")
    /// `twilio.gateway.v1.Events/ListEvents`: ``ListEventsRequest`` to ``ListEventsResponse``.
    public static let listEvents = RPCMethod(service: "twilio.gateway.v1.Events", name: "ListEvents")
    /// `twilio.gateway.v1.Events/RespondToCall`: ``RespondToCallRequest`` to ``WebhookReply``.
    public static let respondToCall = RPCMethod(service: "twilio.gateway.v1.Events", name: "RespondToCall")
    /// `twilio.gateway.v1.Events/ReplyToMessage`: ``ReplyToMessageRequest`` to ``WebhookReply``.
    public static let replyToMessage = RPCMethod(service: "twilio.gateway.v1.Events", name: "ReplyToMessage")
}
