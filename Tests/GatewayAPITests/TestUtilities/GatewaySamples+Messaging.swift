import GatewayAPI

extension GatewaySamples {
    private static let service = "MG" + String(repeating: "0", count: 32)
    private static let content = "HX" + String(repeating: "1", count: 32)

    /// The Messaging requests and results beyond the plain SendSms of ``messaging``.
    static let messagingOperations: [GatewaySample] = [
        GatewaySample(
            "SendSmsRequest scheduled, from a template, with a key",
            SendSmsRequest(
                to: "+15551234567",
                sender: .messagingServiceSID(service),
                body: "Hi",
                validityPeriod: 600,
                sendAt: "2030-01-02T03:04:05Z",
                scheduleType: "fixed",
                contentSID: content,
                contentVariables: ["1": "Ana", "2": "ü"],
                idempotencyKey: "key-1"
            ),
            python: """
                SendSmsRequest(to='+15551234567', messaging_service_sid='\(service)', body='Hi', \
                validity_period=600, send_at='2030-01-02T03:04:05Z', schedule_type='fixed', \
                content_sid='\(content)', content_variables={'1': 'Ana', '2': 'ü'}, idempotency_key='key-1')
                """
        ),
        GatewaySample(
            "SendSmsRequest with content variables as JSON",
            SendSmsRequest(contentSID: content, contentVariablesJSON: #"{"1":"Ana"}"#),
            python: #"SendSmsRequest(content_sid='\#(content)', content_variables_json='{"1":"Ana"}')"#
        ),
        GatewaySample(
            "GetMessageRequest",
            GetMessageRequest(sid: "SM" + String(repeating: "a", count: 32)),
            python: "GetMessageRequest(sid='SM\(String(repeating: "a", count: 32))')"
        ),
        GatewaySample(
            "CancelMessageRequest",
            CancelMessageRequest(sid: "SM1"),
            python: "CancelMessageRequest(sid='SM1')"
        ),
        GatewaySample(
            "Message with a send date",
            Message(sid: "SM1", status: "sent", dateSent: "2024-05-01T12:00:01Z"),
            python: "Message(sid='SM1', status='sent', date_sent='2024-05-01T12:00:01Z')"
        ),
        GatewaySample(
            "BulkSendSmsRequest with every field, unpaced",
            BulkSendSmsRequest(
                fromNumbers: ["+15557654321", "+15557654322"],
                bodyTemplate: "Hi {{name}}",
                mediaURLs: ["https://example.com/a.png"],
                statusCallback: "https://example.com/status",
                recipients: [
                    BulkRecipient(to: "+15551234567", variables: ["name": "Ana"]),
                    BulkRecipient(to: "+15551234568"),
                ],
                messagesPerSecond: 0,
                maxConcurrency: 8,
                maxAttempts: 3,
                validityPeriod: 60
            ),
            python: """
                BulkSendSmsRequest(body_template='Hi {{name}}', media_urls=['https://example.com/a.png'], \
                status_callback='https://example.com/status', recipients=[BulkRecipient(to='+15551234567', \
                variables={'name': 'Ana'}), BulkRecipient(to='+15551234568')], messages_per_second=0.0, \
                max_concurrency=8, max_attempts=3, validity_period=60, **{'from': ['+15557654321', '+15557654322']})
                """
        ),
        GatewaySample(
            "BulkSendSmsRequest through a Messaging Service at the default pace",
            BulkSendSmsRequest(messagingServiceSID: service, bodyTemplate: "x"),
            python: "BulkSendSmsRequest(messaging_service_sid='\(service)', body_template='x')"
        ),
        GatewaySample(
            "BulkRecipient",
            BulkRecipient(to: "+15551234567", variables: ["b": "2", "a": "1"]),
            python: "BulkRecipient(to='+15551234567', variables={'a': '1', 'b': '2'})"
        ),
        GatewaySample(
            "BulkSendSmsUpdate for an opted-out recipient",
            BulkSendSmsUpdate(
                result: BulkRecipientResult(
                    index: 41,
                    to: "+15005550004",
                    from: "+15557654321",
                    outcome: .optedOut,
                    numSegments: 2,
                    encoding: "UCS-2",
                    attempts: 1,
                    errorCode: "FAILED_PRECONDITION",
                    errorMessage: "Twilio error 21610: Attempt to send to unsubscribed recipient",
                    errorDetails: ErrorDetails(twilioCode: 21610, httpStatus: 400)
                ),
                progress: BulkProgress(total: 100, sent: 40, failed: 2, remaining: 58, retries: 3)
            ),
            python: """
                BulkSendSmsUpdate(result=BulkRecipientResult(index=41, to='+15005550004', \
                outcome=BulkRecipientResult.OPTED_OUT, num_segments=2, encoding='UCS-2', attempts=1, \
                error_code='FAILED_PRECONDITION', \
                error_message='Twilio error 21610: Attempt to send to unsubscribed recipient', \
                error_details=ErrorDetails(twilio_code=21610, http_status=400), **{'from': '+15557654321'}), \
                progress=BulkProgress(total=100, sent=40, failed=2, remaining=58, retries=3))
                """
        ),
        GatewaySample(
            "BulkRecipientResult, sent",
            BulkRecipientResult(index: 0, to: "+15551234567", outcome: .sent, sid: "SM1", status: "queued"),
            python:
                "BulkRecipientResult(to='+15551234567', outcome=BulkRecipientResult.SENT, sid='SM1', status='queued')"
        ),
        GatewaySample(
            "BulkProgress at the start",
            BulkProgress(total: 3, remaining: 3),
            python: "BulkProgress(total=3, remaining=3)"
        ),
    ]
}
