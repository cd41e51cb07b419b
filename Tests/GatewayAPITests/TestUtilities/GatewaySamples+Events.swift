import GatewayAPI

extension GatewaySamples {
    /// The Events service's requests and responses besides the event itself.
    static let eventOperations: [GatewaySample] = [
        GatewaySample(
            "SubscribeEventsRequest with filters, a start offset and a consumer",
            SubscribeEventsRequest(
                types: ["call.inbound"],
                phoneNumber: "+15557654321",
                sid: "CA1",
                start: .offset(42),
                consumer: "billing.worker-1"
            ),
            python: """
                SubscribeEventsRequest(types=['call.inbound'], phone_number='+15557654321', sid='CA1', \
                start_offset=42, consumer='billing.worker-1')
                """
        ),
        GatewaySample(
            "SubscribeEventsRequest from offset 0, which the oneof keeps",
            SubscribeEventsRequest(start: .offset(0)),
            python: "SubscribeEventsRequest(start_offset=0)"
        ),
        GatewaySample(
            "SubscribeEventsRequest from a time",
            SubscribeEventsRequest(start: .time("2026-01-01T12:30:00Z")),
            python: "SubscribeEventsRequest(start_time='2026-01-01T12:30:00Z')"
        ),
        GatewaySample(
            "AckEventsRequest",
            AckEventsRequest(consumer: "c", offset: 9_000_000_000),
            python: "AckEventsRequest(consumer='c', offset=9000000000)"
        ),
        GatewaySample(
            "AckEventsResponse",
            AckEventsResponse(acknowledgedOffset: 12),
            python: "AckEventsResponse(acknowledged_offset=12)"
        ),
        GatewaySample(
            "ListEventsRequest",
            ListEventsRequest(types: ["optout"], phoneNumber: "+1", sid: "SM1", beforeOffset: 100, limit: 1000),
            python: """
                ListEventsRequest(types=['optout'], phone_number='+1', sid='SM1', before_offset=100, limit=1000)
                """
        ),
        GatewaySample(
            "ListEventsResponse with two events",
            ListEventsResponse(events: [
                Event(offset: 1, type: "sms.inbound", parameters: ["Body": "hi"]),
                Event(offset: 2, type: "message.status", status: "sent"),
            ]),
            python: """
                ListEventsResponse(events=[Event(offset=1, type='sms.inbound', parameters={'Body': 'hi'}), \
                Event(offset=2, type='message.status', status='sent')])
                """
        ),
        GatewaySample(
            "RespondToCallRequest",
            RespondToCallRequest(callSID: "CA1", twiml: "<Response><Say>Hi</Say></Response>"),
            python: "RespondToCallRequest(call_sid='CA1', twiml='<Response><Say>Hi</Say></Response>')"
        ),
        GatewaySample(
            "ReplyToMessageRequest",
            ReplyToMessageRequest(messageSID: "SM1", twiml: "<Response/>"),
            python: "ReplyToMessageRequest(message_sid='SM1', twiml='<Response/>')"
        ),
        GatewaySample("WebhookReply", WebhookReply(sid: "CA1"), python: "WebhookReply(sid='CA1')"),
    ]
}
