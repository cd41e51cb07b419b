import ServiceSupport
import Testing

@Suite("Structured logging")
struct LoggerTests {
    @Test("one JSON object per line with sorted metadata and escaped text")
    func jsonLine() {
        let record = LogRecord(
            level: .warning,
            message: "said \"hi\"\n",
            label: "test",
            metadata: ["b.key": "2", "a.key": "tab\there"],
            timestamp: 1_764_800_000.25
        )
        #expect(
            JSONLinesLogHandler.format(record)
                == #"{"ts":"2025-12-03T22:13:20.250Z","level":"warning","logger":"test","msg":"said \"hi\"\n","#
                + #""a.key":"tab\there","b.key":"2"}"#
        )
    }

    @Test("events below the minimum level are dropped and metadata is inherited")
    func levels() {
        let handler = InMemoryLogHandler()
        let logger = Logger(label: "test", handler: handler, minimumLevel: .info).with("request.id", "7")
        logger.debug("dropped")
        logger.info("kept", ["extra": "1"])
        #expect(handler.records.map(\.message) == ["kept"])
        #expect(handler.records.first?.metadata == ["request.id": "7", "extra": "1"])
    }

    @Test("control characters are escaped as \\u00XX")
    func controlCharacters() {
        #expect(JSONString.quote("a\u{01}b") == #""a\u0001b""#)
    }

    @Test("phone numbers are masked in the middle")
    func redaction() {
        #expect(Redaction.phoneNumber("+15551234567") == "+155******67")
        #expect(Redaction.phoneNumber("123") == "***")
    }

    @Test(
        "phone numbers inside free text are masked, other numbers are not",
        arguments: [
            (
                "The From phone number +15550001234 is not a valid number.",
                "The From phone number +155******34 is not a valid number."
            ),
            (
                "Twilio error 21211: The 'To' number 123 is not valid.",
                "Twilio error 21211: The 'To' number 123 is not valid."
            ),
            ("call 4155550100 now", "call 4155****00 now"),
            ("a+b 2+2", "a+b 2+2"),
        ]
    )
    func redactionInText(input: String, expected: String) {
        #expect(Redaction.phoneNumbers(in: input) == expected)
    }

    @Test("level names parse case-insensitively")
    func levelNames() {
        #expect(LogLevel(name: "DEBUG") == .debug)
        #expect(LogLevel(name: "loud") == nil)
    }

    @Test("durations print as milliseconds with three decimals")
    func durations() {
        #expect(Duration.milliseconds(12).millisecondsText == "12.000")
        #expect(Duration.microseconds(1_234_567).millisecondsText == "1234.567")
    }
}
