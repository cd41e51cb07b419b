internal import Foundation
internal import Synchronization
import Testing

@testable import TwilioREST

@Suite("TwilioClient Messages")
struct TwilioClientMessagesTests {
    @Test("createMessage sends the documented request and decodes the 201 answer")
    func createMessage() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "POST", path: Fixtures.messagesPath, status: 201, json: Fixtures.createdMessageJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))
        let request = CreateMessageRequest(
            to: "+14155550100",
            from: "+15005550006",
            body: "Héllo & welcome + more = 100% 😀",
            mediaURLs: ["https://example.test/a.png?size=large&v=2", "https://example.test/b c.gif"],
            statusCallback: "https://hooks.example.test/status?id=42"
        )

        let message = try await client.createMessage(request)

        let recorded = try #require(try server.requests().first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == Fixtures.messagesPath)
        #expect(recorded.basicCredentials == "\(Fixtures.accountSID):\(Fixtures.authToken)")
        #expect(recorded.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(recorded.header("Accept") == "application/json")
        #expect(recorded.header("Accept-Charset") == "utf-8")
        #expect(recorded.header("User-Agent") == TwilioConfiguration.defaultUserAgent)
        #expect(recorded.header("Expect") == nil)
        // The expected body is what Python's urllib.parse.urlencode gives for the same pairs
        // (checked by running python3 once while writing this test).
        #expect(
            recorded.bodyText
                == "To=%2B14155550100"
                + "&StatusCallback=https%3A%2F%2Fhooks.example.test%2Fstatus%3Fid%3D42"
                + "&From=%2B15005550006"
                + "&Body=H%C3%A9llo+%26+welcome+%2B+more+%3D+100%25+%F0%9F%98%80"
                + "&MediaUrl=https%3A%2F%2Fexample.test%2Fa.png%3Fsize%3Dlarge%26v%3D2"
                + "&MediaUrl=https%3A%2F%2Fexample.test%2Fb+c.gif"
        )
        #expect(
            try FormEncoding.decode(bytes: recorded.body) == [
                FormField("To", "+14155550100"),
                FormField("StatusCallback", "https://hooks.example.test/status?id=42"),
                FormField("From", "+15005550006"),
                FormField("Body", "Héllo & welcome + more = 100% 😀"),
                FormField("MediaUrl", "https://example.test/a.png?size=large&v=2"),
                FormField("MediaUrl", "https://example.test/b c.gif"),
            ]
        )

        #expect(message.sid == Fixtures.messageSID)
        #expect(message.status == .queued)
        #expect(message.numSegments == "1")
        #expect(message.to == "+14155550100")
        #expect(message.dateSent == nil)
    }

    @Test("createMessage leaves out parameters that are not set")
    func unsetParametersOmitted() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(path: Fixtures.messagesPath, status: 201, json: Fixtures.createdMessageJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))
        let request = CreateMessageRequest(
            to: "+14155550100",
            messagingServiceSID: "MG0123456789abcdef0123456789abcdef",
            body: ""
        )

        _ = try await client.createMessage(request)

        let recorded = try #require(try server.requests().first)
        #expect(recorded.bodyText == "To=%2B14155550100&MessagingServiceSid=MG0123456789abcdef0123456789abcdef&Body=")
    }

    @Test("fetchMessage gets the message by SID, without a body")
    func fetchMessage() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "GET", path: Fixtures.messagePath, status: 200, json: Fixtures.createdMessageJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        let message = try await client.fetchMessage(sid: Fixtures.messageSID)

        let recorded = try #require(try server.requests().first)
        #expect(recorded.method == "GET")
        #expect(recorded.path == Fixtures.messagePath)
        #expect(recorded.header("Content-Type") == nil)
        #expect(recorded.header("Accept") == "application/json")
        #expect(recorded.body.isEmpty)
        #expect(message.sid == Fixtures.messageSID)
    }

    @Test("a SID with path characters stays one escaped path segment")
    func sidIsEscaped() async throws {
        let server = try await RecordingServer.start(routes: [])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        await #expect(throws: TwilioAPIError.self) {
            try await client.fetchMessage(sid: "../Calls/x y?z")
        }

        let recorded = try #require(try server.requests().first)
        #expect(recorded.path == "/2010-04-01/Accounts/\(Fixtures.accountSID)/Messages/%2E%2E%2FCalls%2Fx%20y%3Fz.json")
    }

    @Test("each request asks the credential source again")
    func credentialsPerRequest() async throws {
        let server = try await RecordingServer.start(
            routes: [],
            defaultRoute: Route(status: 200, json: Fixtures.createdMessageJSON)
        )
        let source = RotatingCredentialSource()
        let client = try TwilioClient(configuration: Fixtures.configuration(for: server), credentials: source)

        _ = try await client.fetchMessage(sid: Fixtures.messageSID)
        _ = try await client.fetchMessage(sid: Fixtures.messageSID)

        let users = try server.requests().map { $0.basicCredentials }
        #expect(users == ["ACfirst:token-1", "ACsecond:token-2"])
        #expect(try server.requests().map(\.path).allSatisfy { $0.hasPrefix("/2010-04-01/Accounts/AC") })
    }

    @Test("a failing credential source fails the call and sends nothing")
    func credentialSourceFails() async throws {
        let server = try await RecordingServer.start(routes: [])
        let client = try TwilioClient(
            configuration: Fixtures.configuration(for: server),
            credentials: FailingCredentialSource()
        )

        await #expect(throws: VaultLocked.self) {
            try await client.createMessage(Fixtures.simpleMessage)
        }
        #expect(try server.requests().isEmpty)
    }
}

/// Gives new credentials for each request, as a vault that decrypts on demand would.
private final class RotatingCredentialSource: TwilioCredentialSource {
    private let count = Mutex(0)

    func credentials() async throws -> TwilioCredentials {
        let number = count.withLock { value in
            value += 1
            return value
        }
        let name = number == 1 ? "first" : "second"
        return TwilioCredentials(accountSID: "AC\(name)", authToken: "token-\(number)")
    }
}

private struct VaultLocked: Error {}

private struct FailingCredentialSource: TwilioCredentialSource {
    func credentials() async throws -> TwilioCredentials {
        throw VaultLocked()
    }
}

@Suite("TwilioClient Messages: scheduling, templates, cancel")
struct TwilioClientMessageOperationsTests {
    @Test("createMessage sends every parameter in the order twilio-python sends them")
    func everyParameter() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "POST", path: Fixtures.messagesPath, status: 201, json: Fixtures.createdMessageJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))
        let request = CreateMessageRequest(
            to: "+14155550100",
            messagingServiceSID: "MG0123456789abcdef0123456789abcdef",
            body: "Hi",
            mediaURLs: ["https://example.test/a.png", "https://example.test/b.png"],
            statusCallback: "https://hooks.example.test/s",
            validityPeriod: 600,
            scheduleType: "fixed",
            sendAt: "2030-01-02T03:04:05Z",
            contentSID: "HX0123456789abcdef0123456789abcdef",
            contentVariables: #"{"1":"Ana"}"#
        )

        _ = try await client.createMessage(request)

        let recorded = try #require(try server.requests().first)
        #expect(
            try FormEncoding.decode(bytes: recorded.body) == [
                FormField("To", "+14155550100"),
                FormField("StatusCallback", "https://hooks.example.test/s"),
                FormField("ValidityPeriod", "600"),
                FormField("ScheduleType", "fixed"),
                FormField("SendAt", "2030-01-02T03:04:05Z"),
                FormField("ContentVariables", #"{"1":"Ana"}"#),
                FormField("MessagingServiceSid", "MG0123456789abcdef0123456789abcdef"),
                FormField("Body", "Hi"),
                FormField("MediaUrl", "https://example.test/a.png"),
                FormField("MediaUrl", "https://example.test/b.png"),
                FormField("ContentSid", "HX0123456789abcdef0123456789abcdef"),
            ]
        )
    }

    @Test("cancelMessage posts Status=canceled to the message's path")
    func cancel() async throws {
        let server = try await RecordingServer.start(routes: [
            Route(method: "POST", path: Fixtures.messagePath, status: 200, json: Fixtures.createdMessageJSON)
        ])
        let client = try Fixtures.client(Fixtures.configuration(for: server))

        let message = try await client.cancelMessage(sid: Fixtures.messageSID)

        let recorded = try #require(try server.requests().first)
        #expect(recorded.method == "POST")
        #expect(recorded.path == Fixtures.messagePath)
        #expect(recorded.header("Content-Type") == "application/x-www-form-urlencoded")
        #expect(recorded.bodyText == "Status=canceled")
        #expect(message.sid == Fixtures.messageSID)
    }
}
