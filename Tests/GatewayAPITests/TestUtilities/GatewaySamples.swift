import GatewayAPI

/// One or more samples of every message type, covering oneofs, repeated fields, maps,
/// integer extremes, empty strings against unset fields, and text beyond ASCII.
enum GatewaySamples {
    static let all: [GatewaySample] =
        messaging + messagingOperations + voice + verify + verifyAdditions + health + events + eventOperations + errors

    static let messaging: [GatewaySample] = [
        GatewaySample(
            "SendSmsRequest from a number, with media",
            SendSmsRequest(
                to: "+15551234567",
                sender: .from("+15557654321"),
                body: "Hello 👋 — ça va? 你好",
                mediaURLs: ["https://example.com/a.png", "", "https://example.com/b.jpg"],
                statusCallback: "https://example.com/status"
            ),
            python: """
                SendSmsRequest(to='+15551234567', body='Hello 👋 — ça va? 你好', \
                media_urls=['https://example.com/a.png', '', 'https://example.com/b.jpg'], \
                status_callback='https://example.com/status', **{'from': '+15557654321'})
                """
        ),
        GatewaySample(
            "SendSmsRequest from a Messaging Service",
            SendSmsRequest(to: "+15551234567", sender: .messagingServiceSID("MG" + String(repeating: "0", count: 32))),
            python: "SendSmsRequest(to='+15551234567', messaging_service_sid='MG\(String(repeating: "0", count: 32))')"
        ),
        GatewaySample(
            "SendSmsRequest with an empty sender, which is set",
            SendSmsRequest(sender: .messagingServiceSID("")),
            python: "SendSmsRequest(messaging_service_sid='')"
        ),
        GatewaySample(
            "SendSmsRequest with an empty from, which is set",
            SendSmsRequest(sender: .from("")),
            python: "SendSmsRequest(**{'from': ''})"
        ),
        GatewaySample("SendSmsRequest with nothing set", SendSmsRequest(), python: "SendSmsRequest()"),
        GatewaySample(
            "Message with every field",
            Message(
                sid: "SM" + String(repeating: "a", count: 32),
                status: "undelivered",
                to: "+15551234567",
                from: "+15557654321",
                body: "Ünïcödé body",
                accountSID: "AC" + String(repeating: "b", count: 32),
                messagingServiceSID: "MG" + String(repeating: "c", count: 32),
                direction: "outbound-api",
                numSegments: .max,
                numMedia: 10,
                errorCode: .min,
                errorMessage: "Unreachable destination handset",
                dateCreated: "2024-05-01T12:00:00Z",
                dateUpdated: "2024-05-01T12:00:05Z"
            ),
            python: """
                Message(sid='SM\(String(repeating: "a", count: 32))', status='undelivered', to='+15551234567', \
                body='Ünïcödé body', account_sid='AC\(String(repeating: "b", count: 32))', \
                messaging_service_sid='MG\(String(repeating: "c", count: 32))', direction='outbound-api', \
                num_segments=2147483647, num_media=10, error_code=-2147483648, \
                error_message='Unreachable destination handset', date_created='2024-05-01T12:00:00Z', \
                date_updated='2024-05-01T12:00:05Z', **{'from': '+15557654321'})
                """
        ),
        GatewaySample(
            "Message with a negative count",
            Message(sid: "SM1", numSegments: -1),
            python: "Message(sid='SM1', num_segments=-1)"
        ),
    ]

    static let voice: [GatewaySample] = [
        GatewaySample(
            "MakeCallRequest with a TwiML URL",
            MakeCallRequest(
                to: "+15551234567",
                from: "+15557654321",
                instructions: .twimlURL("https://example.com/twiml"),
                statusCallback: "https://example.com/status"
            ),
            python: """
                MakeCallRequest(to='+15551234567', twiml_url='https://example.com/twiml', \
                status_callback='https://example.com/status', **{'from': '+15557654321'})
                """
        ),
        GatewaySample(
            "MakeCallRequest with inline TwiML",
            MakeCallRequest(to: "+15551234567", instructions: .twiml("<Response><Say>Grüße</Say></Response>")),
            python: "MakeCallRequest(to='+15551234567', twiml='<Response><Say>Grüße</Say></Response>')"
        ),
        GatewaySample(
            "MakeCallRequest without instructions",
            MakeCallRequest(from: "+15557654321"),
            python: "MakeCallRequest(**{'from': '+15557654321'})"
        ),
        GatewaySample(
            "Call",
            Call(
                sid: "CA1",
                status: "in-progress",
                to: "+15551234567",
                from: "+15557654321",
                accountSID: "AC1",
                direction: "outbound-api",
                dateCreated: "2024-05-01T12:00:00Z"
            ),
            python: """
                Call(sid='CA1', status='in-progress', to='+15551234567', account_sid='AC1', \
                direction='outbound-api', date_created='2024-05-01T12:00:00Z', **{'from': '+15557654321'})
                """
        ),
        GatewaySample(
            "MakeCallRequest with every option",
            MakeCallRequest(
                to: "+15551234567",
                from: "+15557654321",
                instructions: .twimlURL("https://example.com/twiml"),
                statusCallback: "https://example.com/status",
                method: "GET",
                statusCallbackEvents: ["initiated", "ringing", "answered", "completed"],
                timeout: 600,
                record: true,
                machineDetection: "DetectMessageEnd"
            ),
            python: """
                MakeCallRequest(to='+15551234567', twiml_url='https://example.com/twiml', \
                status_callback='https://example.com/status', method='GET', \
                status_callback_events=['initiated', 'ringing', 'answered', 'completed'], timeout=600, \
                record=True, machine_detection='DetectMessageEnd', **{'from': '+15557654321'})
                """
        ),
        GatewaySample(
            "GetCallRequest",
            GetCallRequest(sid: "CA\(String(repeating: "a", count: 32))"),
            python: "GetCallRequest(sid='CA\(String(repeating: "a", count: 32))')"
        ),
        GatewaySample(
            "UpdateCallRequest canceling",
            UpdateCallRequest(sid: "CA1", action: .status("canceled")),
            python: "UpdateCallRequest(sid='CA1', status='canceled')"
        ),
        GatewaySample(
            "UpdateCallRequest redirecting to a URL",
            UpdateCallRequest(sid: "CA1", action: .twimlURL("https://example.com/next"), method: "GET"),
            python: "UpdateCallRequest(sid='CA1', twiml_url='https://example.com/next', method='GET')"
        ),
        GatewaySample(
            "UpdateCallRequest with inline TwiML",
            UpdateCallRequest(sid: "CA1", action: .twiml("<Response><Hangup/></Response>")),
            python: "UpdateCallRequest(sid='CA1', twiml='<Response><Hangup/></Response>')"
        ),
        GatewaySample(
            "Call that ended",
            Call(
                sid: "CA1",
                status: "completed",
                dateUpdated: "2024-05-01T12:01:00Z",
                startTime: "2024-05-01T12:00:10Z",
                endTime: "2024-05-01T12:01:00Z",
                duration: 50,
                answeredBy: "machine_end_beep",
                toFormatted: "(555) 123-4567",
                fromFormatted: "(555) 765-4321",
                price: "-0.03000",
                priceUnit: "USD",
                parentCallSID: "CA2"
            ),
            python: """
                Call(sid='CA1', status='completed', date_updated='2024-05-01T12:01:00Z', \
                start_time='2024-05-01T12:00:10Z', end_time='2024-05-01T12:01:00Z', duration=50, \
                answered_by='machine_end_beep', to_formatted='(555) 123-4567', from_formatted='(555) 765-4321', \
                price='-0.03000', price_unit='USD', parent_call_sid='CA2')
                """
        ),
    ]

    static let verify: [GatewaySample] = [
        GatewaySample(
            "StartVerificationRequest",
            StartVerificationRequest(serviceSID: "VA1", to: "user@example.com", channel: "email", locale: "pt-BR"),
            python:
                "StartVerificationRequest(service_sid='VA1', to='user@example.com', channel='email', locale='pt-BR')"
        ),
        GatewaySample(
            "Verification, approved",
            Verification(
                sid: "VE1",
                status: "approved",
                to: "+15551234567",
                channel: "sms",
                serviceSID: "VA1",
                valid: true
            ),
            python:
                "Verification(sid='VE1', status='approved', to='+15551234567', channel='sms', service_sid='VA1', valid=True)"
        ),
        GatewaySample(
            "CheckVerificationRequest by recipient",
            CheckVerificationRequest(serviceSID: "VA1", target: .to("+15551234567"), code: "123456"),
            python: "CheckVerificationRequest(service_sid='VA1', to='+15551234567', code='123456')"
        ),
        GatewaySample(
            "CheckVerificationRequest by verification SID",
            CheckVerificationRequest(serviceSID: "VA1", target: .verificationSID("VE1"), code: "0000"),
            python: "CheckVerificationRequest(service_sid='VA1', verification_sid='VE1', code='0000')"
        ),
        GatewaySample(
            "CheckVerificationRequest without a target",
            CheckVerificationRequest(code: "1"),
            python: "CheckVerificationRequest(code='1')"
        ),
        GatewaySample(
            "VerificationCheck, rejected",
            VerificationCheck(sid: "VE1", status: "pending", valid: false, to: "+15551234567", channel: "call"),
            python: "VerificationCheck(sid='VE1', status='pending', to='+15551234567', channel='call')"
        ),
    ]

    static let verifyAdditions: [GatewaySample] = [
        GatewaySample(
            "StartVerificationRequest by email, with a channel configuration",
            StartVerificationRequest(
                serviceSID: "VA1",
                to: "user@example.com",
                channel: "email",
                customFriendlyName: "Ünïcödé Shop",
                channelConfiguration: EmailChannelConfiguration(
                    from: "noreply@example.com",
                    fromName: "Example",
                    templateID: "d-123",
                    substitutions: ["name": "Zoë", "plan": ""]
                )
            ),
            python: """
                StartVerificationRequest(service_sid='VA1', to='user@example.com', channel='email', \
                custom_friendly_name='Ünïcödé Shop', channel_configuration=EmailChannelConfiguration(\
                from_name='Example', template_id='d-123', substitutions={'name': 'Zoë', 'plan': ''}, \
                **{'from': 'noreply@example.com'}))
                """
        ),
        GatewaySample(
            "StartVerificationRequest with an empty channel configuration, which is set",
            StartVerificationRequest(channel: "email", channelConfiguration: EmailChannelConfiguration()),
            python: "StartVerificationRequest(channel='email', channel_configuration=EmailChannelConfiguration())"
        ),
        GatewaySample(
            "EmailChannelConfiguration",
            EmailChannelConfiguration(from: "a@example.com", substitutions: ["k": "v"]),
            python: "EmailChannelConfiguration(substitutions={'k': 'v'}, **{'from': 'a@example.com'})"
        ),
        GatewaySample(
            "VerificationSendAttempt",
            VerificationSendAttempt(attemptSID: "VL1", channel: "SMS", time: "2024-05-01T12:00:00Z"),
            python: "VerificationSendAttempt(attempt_sid='VL1', channel='SMS', time='2024-05-01T12:00:00Z')"
        ),
        GatewaySample(
            "Verification with every field",
            Verification(
                sid: "VE1",
                status: "pending",
                to: "+15551234567",
                channel: "call",
                serviceSID: "VA1",
                accountSID: "AC1",
                sendCodeAttempts: [
                    VerificationSendAttempt(attemptSID: "VL1", channel: "sms", time: "2024-05-01T12:00:00Z"),
                    VerificationSendAttempt(),
                ],
                dateCreated: "2024-05-01T12:00:00Z",
                dateUpdated: "2024-05-01T12:01:00Z"
            ),
            python: """
                Verification(sid='VE1', status='pending', to='+15551234567', channel='call', service_sid='VA1', \
                account_sid='AC1', send_code_attempts=[VerificationSendAttempt(attempt_sid='VL1', channel='sms', \
                time='2024-05-01T12:00:00Z'), VerificationSendAttempt()], date_created='2024-05-01T12:00:00Z', \
                date_updated='2024-05-01T12:01:00Z')
                """
        ),
        GatewaySample(
            "VerificationCheck with every field",
            VerificationCheck(
                sid: "VE1",
                status: "approved",
                valid: true,
                to: "user@example.com",
                channel: "email",
                serviceSID: "VA1",
                accountSID: "AC1",
                dateCreated: "2024-05-01T12:00:00Z",
                dateUpdated: "2024-05-01T12:01:00Z"
            ),
            python: """
                VerificationCheck(sid='VE1', status='approved', valid=True, to='user@example.com', channel='email', \
                service_sid='VA1', account_sid='AC1', date_created='2024-05-01T12:00:00Z', \
                date_updated='2024-05-01T12:01:00Z')
                """
        ),
        GatewaySample(
            "GetVerificationRequest",
            GetVerificationRequest(serviceSID: "VA1", sid: "VE1"),
            python: "GetVerificationRequest(service_sid='VA1', sid='VE1')"
        ),
        GatewaySample(
            "CancelVerificationRequest",
            CancelVerificationRequest(serviceSID: "VA1", sid: "VE1"),
            python: "CancelVerificationRequest(service_sid='VA1', sid='VE1')"
        ),
        GatewaySample(
            "CreateTotpFactorRequest with every setting",
            CreateTotpFactorRequest(
                serviceSID: "VA1",
                identity: "user-0001",
                friendlyName: "Zoë's phone",
                timeStep: 60,
                skew: 2,
                codeLength: 8,
                algorithm: "sha512"
            ),
            python: """
                CreateTotpFactorRequest(service_sid='VA1', identity='user-0001', friendly_name="Zoë's phone", \
                time_step=60, skew=2, code_length=8, algorithm='sha512')
                """
        ),
        GatewaySample(
            "CreateTotpFactorRequest with a skew of 0, which is set",
            CreateTotpFactorRequest(identity: "user-0001", skew: 0),
            python: "CreateTotpFactorRequest(identity='user-0001', skew=0)"
        ),
        GatewaySample(
            "CreateTotpFactorRequest with Twilio's defaults",
            CreateTotpFactorRequest(serviceSID: "VA1", identity: "user-0001", friendlyName: "phone"),
            python: "CreateTotpFactorRequest(service_sid='VA1', identity='user-0001', friendly_name='phone')"
        ),
        GatewaySample(
            "TotpFactor just created",
            TotpFactor(
                sid: "YF1",
                status: "unverified",
                identity: "user-0001",
                entitySID: "YE1",
                friendlyName: "phone",
                serviceSID: "VA1",
                accountSID: "AC1",
                bindingSecret: "JBSWY3DPEHPK3PXP",
                bindingURI: "otpauth://totp/Shop:phone?secret=JBSWY3DPEHPK3PXP&issuer=Shop",
                timeStep: 30,
                skew: 1,
                codeLength: 6,
                algorithm: "sha1",
                dateCreated: "2024-05-01T12:00:00Z",
                dateUpdated: "2024-05-01T12:00:00Z"
            ),
            python: """
                TotpFactor(sid='YF1', status='unverified', identity='user-0001', entity_sid='YE1', \
                friendly_name='phone', service_sid='VA1', account_sid='AC1', binding_secret='JBSWY3DPEHPK3PXP', \
                binding_uri='otpauth://totp/Shop:phone?secret=JBSWY3DPEHPK3PXP&issuer=Shop', time_step=30, skew=1, \
                code_length=6, algorithm='sha1', date_created='2024-05-01T12:00:00Z', \
                date_updated='2024-05-01T12:00:00Z')
                """
        ),
        GatewaySample(
            "VerifyTotpFactorRequest",
            VerifyTotpFactorRequest(serviceSID: "VA1", identity: "user-0001", factorSID: "YF1", code: "012345"),
            python: "VerifyTotpFactorRequest(service_sid='VA1', identity='user-0001', factor_sid='YF1', code='012345')"
        ),
        GatewaySample(
            "CreateTotpChallengeRequest",
            CreateTotpChallengeRequest(serviceSID: "VA1", identity: "user-0001", factorSID: "YF1", code: "999"),
            python:
                "CreateTotpChallengeRequest(service_sid='VA1', identity='user-0001', factor_sid='YF1', code='999')"
        ),
        GatewaySample(
            "CheckTotpChallengeRequest",
            CheckTotpChallengeRequest(serviceSID: "VA1", identity: "user-0001", challengeSID: "YC1", code: "1"),
            python:
                "CheckTotpChallengeRequest(service_sid='VA1', identity='user-0001', challenge_sid='YC1', code='1')"
        ),
        GatewaySample(
            "TotpChallenge, approved",
            TotpChallenge(
                sid: "YC1",
                status: "approved",
                respondedReason: "none",
                factorSID: "YF1",
                identity: "user-0001",
                entitySID: "YE1",
                serviceSID: "VA1",
                accountSID: "AC1",
                dateCreated: "2024-05-01T12:00:00Z",
                dateUpdated: "2024-05-01T12:00:01Z",
                dateResponded: "2024-05-01T12:00:01Z",
                expirationDate: "2024-05-01T12:05:00Z"
            ),
            python: """
                TotpChallenge(sid='YC1', status='approved', responded_reason='none', factor_sid='YF1', \
                identity='user-0001', entity_sid='YE1', service_sid='VA1', account_sid='AC1', \
                date_created='2024-05-01T12:00:00Z', date_updated='2024-05-01T12:00:01Z', \
                date_responded='2024-05-01T12:00:01Z', expiration_date='2024-05-01T12:05:00Z')
                """
        ),
    ]

    static let health: [GatewaySample] = [
        GatewaySample(
            "HealthCheckRequest",
            HealthCheckRequest(service: "twilio.gateway.v1.Messaging"),
            python: "HealthCheckRequest(service='twilio.gateway.v1.Messaging')"
        ),
        GatewaySample(
            "HealthCheckResponse, not serving",
            HealthCheckResponse(status: .notServing),
            python: "HealthCheckResponse(status=HealthCheckResponse.NOT_SERVING)"
        ),
        GatewaySample(
            "HealthCheckResponse with a status this version does not name",
            HealthCheckResponse(status: .init(rawValue: 7)),
            python: "HealthCheckResponse(status=7)"
        ),
        GatewaySample(
            "HealthCheckResponse, unknown",
            HealthCheckResponse(status: .unknown),
            python: "HealthCheckResponse(status=HealthCheckResponse.UNKNOWN)"
        ),
    ]

    static let events: [GatewaySample] = [
        GatewaySample(
            "SubscribeEventsRequest",
            SubscribeEventsRequest(types: ["sms.inbound", "", "message.status"]),
            python: "SubscribeEventsRequest(types=['sms.inbound', '', 'message.status'])"
        ),
        GatewaySample(
            "Event with parameters, an empty key and an empty value",
            Event(
                offset: .min,
                type: "sms.inbound",
                receivedAt: "2024-05-01T12:00:00Z",
                messageSID: "SM1",
                accountSID: "AC1",
                from: "+15557654321",
                to: "+15551234567",
                status: "received",
                parameters: [
                    "Body": "héllo", "NumMedia": "0", "": "empty key", "Empty": "", "Ключ": "значение", "a": "b",
                ]
            ),
            python: """
                Event(offset=-9223372036854775808, type='sms.inbound', received_at='2024-05-01T12:00:00Z', \
                message_sid='SM1', account_sid='AC1', to='+15551234567', status='received', \
                parameters={'Body': 'héllo', 'NumMedia': '0', '': 'empty key', 'Empty': '', 'Ключ': 'значение', \
                'a': 'b'}, **{'from': '+15557654321'})
                """,
            mapKeysArePrefixes: true
        ),
        GatewaySample(
            "Event with parameters none of which is a prefix of another",
            Event(type: "message.status", parameters: ["MessageStatus": "delivered", "SmsSid": "SM1", "To": "+1"]),
            python:
                "Event(type='message.status', parameters={'MessageStatus': 'delivered', 'SmsSid': 'SM1', 'To': '+1'})"
        ),
        GatewaySample(
            "Event at the last offset",
            Event(offset: .max, type: "call.status", callSID: "CA1"),
            python: "Event(offset=9223372036854775807, type='call.status', call_sid='CA1')"
        ),
    ]

    static let errors: [GatewaySample] = [
        GatewaySample(
            "ErrorDetails with field violations",
            ErrorDetails(
                twilioCode: 21211,
                twilioMessage: "The 'To' number is not a valid phone number.",
                moreInfo: "https://www.twilio.com/docs/errors/21211",
                httpStatus: 400,
                retryable: false,
                retryAfterMilliseconds: -1,
                fieldViolations: [
                    FieldViolation(field: "to", description: "must be E.164"),
                    FieldViolation(),
                    FieldViolation(field: "body"),
                ]
            ),
            python: """
                ErrorDetails(twilio_code=21211, twilio_message="The 'To' number is not a valid phone number.", \
                more_info='https://www.twilio.com/docs/errors/21211', http_status=400, retry_after_ms=-1, \
                field_violations=[FieldViolation(field='to', description='must be E.164'), FieldViolation(), \
                FieldViolation(field='body')])
                """
        ),
        GatewaySample(
            "ErrorDetails, retryable",
            ErrorDetails(httpStatus: 503, retryable: true, retryAfterMilliseconds: .max),
            python: "ErrorDetails(http_status=503, retryable=True, retry_after_ms=9223372036854775807)"
        ),
        GatewaySample(
            "FieldViolation",
            FieldViolation(field: "status_callback", description: "must be an https URL"),
            python: "FieldViolation(field='status_callback', description='must be an https URL')"
        ),
    ]
}
