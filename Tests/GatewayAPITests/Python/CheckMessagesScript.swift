/// The Python side of the cross-check, written to a temporary directory and run by
/// ``PythonCrossCheckTests``; kept here so the test target has no resource files.
enum CheckMessagesScript {
    static let source = #"""
        """Cross-checks the Swift encoder against Python's protobuf package.

        Usage: check_messages.py GENERATED_DIR CASES_JSON

        Each case holds a Python expression that builds a message with the classes protoc
        generated into GENERATED_DIR, and the Swift encoding of the same message in hex. Prints,
        as JSON, Python's deterministic encoding of each message and whether Python parses the
        Swift bytes back into an equal message.
        """

        import json
        import os
        import sys

        # Regular packages, so that an installed twilio package cannot shadow the generated one.
        for package in ("twilio", "twilio/gateway", "twilio/gateway/v1"):
            open(os.path.join(sys.argv[1], package, "__init__.py"), "a").close()
        sys.path.insert(0, sys.argv[1])

        import google.protobuf  # noqa: E402
        from google.protobuf.internal import api_implementation  # noqa: E402
        from twilio.gateway.v1.errors_pb2 import ErrorDetails, FieldViolation  # noqa: E402,F401
        from twilio.gateway.v1.events_pb2 import (  # noqa: E402,F401
            AckEventsRequest,
            AckEventsResponse,
            Event,
            ListEventsRequest,
            ListEventsResponse,
            ReplyToMessageRequest,
            RespondToCallRequest,
            SubscribeEventsRequest,
            WebhookReply,
        )
        from twilio.gateway.v1.health_pb2 import HealthCheckRequest, HealthCheckResponse  # noqa: E402,F401
        from twilio.gateway.v1.messaging_pb2 import (  # noqa: E402,F401
            BulkProgress,
            BulkRecipient,
            BulkRecipientResult,
            BulkSendSmsRequest,
            BulkSendSmsUpdate,
            CancelMessageRequest,
            GetMessageRequest,
            Message,
            SendSmsRequest,
        )
        from twilio.gateway.v1.verify_pb2 import (  # noqa: E402,F401
            CancelVerificationRequest,
            CheckTotpChallengeRequest,
            CheckVerificationRequest,
            CreateTotpChallengeRequest,
            CreateTotpFactorRequest,
            EmailChannelConfiguration,
            GetVerificationRequest,
            StartVerificationRequest,
            TotpChallenge,
            TotpFactor,
            Verification,
            VerificationCheck,
            VerificationSendAttempt,
            VerifyTotpFactorRequest,
        )
        from twilio.gateway.v1.voice_pb2 import Call, GetCallRequest, MakeCallRequest, UpdateCallRequest  # noqa: E402,F401

        with open(sys.argv[2], encoding="utf-8") as file:
            cases = json.load(file)

        results = []
        for case in cases:
            expected = eval(case["python"])  # noqa: S307 - expressions written in the Swift tests
            parsed = type(expected)()
            parsed.ParseFromString(bytes.fromhex(case["swift"]))
            results.append(
                {
                    "name": case["name"],
                    "python": expected.SerializeToString(deterministic=True).hex(),
                    "parsedEqual": parsed == expected,
                    "parsed": str(parsed),
                }
            )

        json.dump(
            {
                "protobufVersion": google.protobuf.__version__,
                "implementation": api_implementation.Type(),
                "results": results,
            },
            sys.stdout,
        )
        """#
}
