import GatewayAPI
import GatewayServices
import ProtoBridge
import RPCCore
import ServiceSupport
import Testing
import TwilioREST

/// Voice requests with parties, caller IDs or URLs of the wrong shape are refused before Twilio.
@Suite("Voice requests check parties and URLs before Twilio")
struct VoiceShapeValidationTests {
    static let sid = "CA" + String(repeating: "0a", count: 16)

    /// A transport whose Twilio is a closed port: a request that reached it would end in
    /// UNAVAILABLE, so INVALID_ARGUMENT proves nothing was sent, and UNAVAILABLE that the
    /// request passed the checks.
    private static func call(_ method: RPCMethod, _ request: some ProtoMessageConvertible) async throws -> RPCError? {
        var configuration = TwilioConfiguration()
        configuration.apiBaseURL = "http://127.0.0.1:9"
        let credentials = TwilioCredentials(accountSID: "AC" + String(repeating: "0", count: 32), authToken: "t")
        let twilio = try TwilioClient(configuration: configuration, credentials: StaticCredentialSource(credentials))
        var router = RPCRouter()
        VoiceService(twilio: twilio).register(in: &router)
        let transport = InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
        return await #expect(throws: RPCError.self) {
            _ = try await transport.unary(method, request: try request.serializedBytes(), options: .init())
        }
    }

    private static let twiml = MakeCallRequest.Instructions.twiml("<Response/>")

    @Test(
        "MakeCall and UpdateCall with a malformed party, caller ID or URL are INVALID_ARGUMENT naming the field",
        arguments: [
            (MakeCallRequest(to: "5551234", from: "+15557654321", instructions: twiml), "to", "E.164"),
            (MakeCallRequest(to: "client:", from: "+15557654321", instructions: twiml), "to", "client:NAME"),
            (MakeCallRequest(to: "sim:DE12", from: "+15557654321", instructions: twiml), "to", "SIM SID"),
            (MakeCallRequest(to: "+15551234567", from: "sip:me@example.com", instructions: twiml), "from", "E.164"),

            (
                MakeCallRequest(
                    to: "+15551234567",
                    from: "+15557654321",
                    instructions: .twimlURL("file:///etc/passwd")
                ),
                "twiml_url", "http or https"
            ),
            (
                MakeCallRequest(to: "+15551234567", from: "+15557654321", instructions: .twimlURL("")),
                "twiml_url", "required"
            ),
            (
                MakeCallRequest(
                    to: "+15551234567",
                    from: "+15557654321",
                    instructions: twiml,
                    statusCallback: "http://"
                ),
                "status_callback", "with a host"
            ),
        ]
    )
    func makeCallShapes(request: MakeCallRequest, field: String, shape: String) async throws {
        let error = try await Self.call(.makeCall, request)
        #expect(error?.code == .invalidArgument)
        let violations = error?.errorDetails?.fieldViolations ?? []
        #expect(violations.map(\.field) == [field])
        #expect(violations.first?.description.contains(shape) == true, "\(violations)")
    }

    @Test(
        "a URL with user information, a host over 253 bytes or a label over 63 is refused, saying why",
        arguments: [
            ("https://ana:secret@example.com/twiml", "without user information (user:password@)"),
            ("https://" + String(repeating: "a", count: 64) + ".example.com/twiml", "at most 63 between dots"),
            (
                "https://" + Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: ".")
                    + "/twiml",
                "at most 253 bytes"
            ),
        ]
    )
    func refusedURLs(url: String, reason: String) async throws {
        let request = MakeCallRequest(to: "+15551234567", from: "+15557654321", instructions: .twimlURL(url))
        let error = try await Self.call(.makeCall, request)
        let description = error?.errorDetails?.fieldViolations.first?.description ?? ""
        #expect(error?.code == .invalidArgument)
        #expect(description.contains(reason), "\(description)")
        #expect(description.contains("https://example.com/twiml/answer"), "\(description)")
    }

    @Test("a long client name, SIP address or TwiML URL is INVALID_ARGUMENT giving the limit, not the value")
    func oversizedValues() async throws {
        let long = { (count: Int) in String(repeating: "c", count: count) }
        let cases = [
            (
                MakeCallRequest(to: "client:" + long(2000), from: "+15557654321", instructions: Self.twiml),
                "to", "must have at most 256 characters after client: (this one has 2000)"
            ),
            (
                MakeCallRequest(to: "sip:" + long(1025), from: "+15557654321", instructions: Self.twiml),
                "to", "must have at most 1024 characters after sip: (this one has 1025)"
            ),
            (
                MakeCallRequest(to: "+15551234567", from: "client:" + long(257), instructions: Self.twiml),
                "from", "must have at most 256 characters after client: (this one has 257)"
            ),
            (
                MakeCallRequest(
                    to: "+15551234567",
                    from: "+15557654321",
                    instructions: .twimlURL("https://example.com/" + long(100_000))
                ),
                "twiml_url", "of at most 4096 bytes (this one has 100020)"
            ),
        ]
        for (request, field, shape) in cases {
            let error = try await Self.call(.makeCall, request)
            let violations = error?.errorDetails?.fieldViolations ?? []
            #expect(error?.code == .invalidArgument)
            #expect(violations.map(\.field) == [field])
            let description = violations.first?.description ?? ""
            #expect(description.contains(shape), "\(description.prefix(300))")
        }
    }

    @Test(
        "a hidden character in a client name, a SIP address or a URL is INVALID_ARGUMENT saying what to fix",
        arguments: [
            (MakeCallRequest(to: "client:ana\u{200B}", from: "+15557654321", instructions: twiml), "to", "client:"),
            (MakeCallRequest(to: "client:ana bob", from: "+15557654321", instructions: twiml), "to", "client:"),
            (MakeCallRequest(to: "client:ana\u{3000}", from: "+15557654321", instructions: twiml), "to", "client:"),
            (MakeCallRequest(to: "client:\u{9B}31m", from: "+15557654321", instructions: twiml), "to", "client:"),
            (
                MakeCallRequest(to: "sip:\u{202E}moc.elpmaxe@ana", from: "+15557654321", instructions: twiml),
                "to", "sip:"
            ),
            (
                MakeCallRequest(to: "sip:ana@example.com\u{2029}", from: "+15557654321", instructions: twiml),
                "to", "sip:"
            ),
            (
                MakeCallRequest(to: "+15551234567", from: "client:sup\u{200D}port", instructions: twiml),
                "from", "client:"
            ),
        ]
    )
    func hiddenCharactersInParties(request: MakeCallRequest, field: String, prefix: String) async throws {
        let error = try await Self.call(.makeCall, request)
        #expect(error?.code == .invalidArgument)
        let violations = error?.errorDetails?.fieldViolations ?? []
        #expect(violations.map(\.field) == [field])
        #expect(
            violations.first?.description
                == "must have no spaces, line breaks, control characters or invisible format characters "
                + "(such as U+200B or U+202E) after \(prefix)",
            "\(violations)"
        )
    }

    @Test(
        "a TwiML or status URL with a space or non-ASCII in its path is refused, saying to percent-encode",
        arguments: [
            "http://example.com/a b", "https://example.com/\u{202E}lmx.lmiwt", "https://example.com/twiml\u{200B}",
            "https://example.com/tw\u{EF}ml", "https://example.com/twiml?x=\u{3000}",
        ]
    )
    func unencodedURLs(url: String) async throws {
        for request in [
            MakeCallRequest(to: "+15551234567", from: "+15557654321", instructions: .twimlURL(url)),
            MakeCallRequest(to: "+15551234567", from: "+15557654321", instructions: Self.twiml, statusCallback: url),
        ] {
            let error = try await Self.call(.makeCall, request)
            #expect(error?.code == .invalidArgument)
            let description = error?.errorDetails?.fieldViolations.first?.description ?? ""
            #expect(
                description.contains("whose path, query and fragment are ASCII without spaces: percent-encode"),
                "\(description)"
            )
        }
    }

    @Test("a host of 253 bytes with labels of 63 is let through to Twilio")
    func longestHost() async throws {
        let host = Array(repeating: String(repeating: "a", count: 63), count: 4).joined(separator: ".").dropLast(2)
        #expect(host.utf8.count == 253)
        let request = MakeCallRequest(
            to: "+15551234567",
            from: "+15557654321",
            instructions: .twimlURL("https://\(host)/twiml")
        )
        let error = try await Self.call(.makeCall, request)
        #expect(error?.code == .unavailable, "\(String(describing: error))")
    }

    @Test("a status_callback's refusal gives a status URL as its example")
    func statusExample() async throws {
        let request = MakeCallRequest(
            to: "+15551234567",
            from: "+15557654321",
            instructions: Self.twiml,
            statusCallback: "ftp://example.com"
        )
        let error = try await Self.call(.makeCall, request)
        let description = error?.errorDetails?.fieldViolations.first?.description ?? ""
        #expect(description.contains("https://example.com/twilio/status"), "\(description)")
    }

    @Test("UpdateCall with a twiml_url that is not http or https is INVALID_ARGUMENT")
    func updateCallURL() async throws {
        let error = try await Self.call(.updateCall, UpdateCallRequest(sid: Self.sid, action: .twimlURL("gopher://x")))
        #expect(error?.code == .invalidArgument)
        #expect(error?.errorDetails?.fieldViolations.map(\.field) == ["twiml_url"])
    }

    @Test(
        "MakeCall lets every well-formed kind of party through to Twilio",
        arguments: [
            "+15551234567", "client:alice", "sip:alice@example.com",
            "sim:DE" + String(repeating: "ab", count: 16), "client:" + String(repeating: "n", count: 256),
        ]
    )
    func wellFormedParties(to: String) async throws {
        let request = MakeCallRequest(
            to: to,
            from: "client:support",
            instructions: .twimlURL("https://example.com/twiml"),
            statusCallback: "http://127.0.0.1:9/status"
        )
        let error = try await Self.call(.makeCall, request)
        #expect(error?.code == .unavailable, "\(String(describing: error))")
    }
}
