internal import Foundation
internal import Testing

/// A live-mode gateway sends to any server that speaks Twilio's REST API: here, a recording
/// server. What it sends must be what Twilio documents, field for field.
@Suite("A gateway sending to a Twilio-compatible server", .sharedRecordingTwilio)
struct TwilioCompatibleServerTests {
    /// The one request the recording server got whose Body is `body`, from the gateway (not
    /// from Twilio's Python library).
    static func gatewayRequest(withBody body: String, in twilio: RecordingServer) throws -> RecordedEvent {
        let matching = twilio.requests.filter { request in
            request.form["Body"] == body && request.header("User-Agent")?.hasPrefix("twilio-python") != true
        }
        try #require(matching.count == 1, "\(matching.count) requests with Body \(body): \(twilio.requests)")
        return matching[0]
    }

    /// The method, path, credentials and content type of a create-message request.
    static func expectCreateMessage(_ request: RecordedEvent) {
        #expect(request.method == "POST")
        #expect(request.path == TwilioFixtures.messagesPath)
        let credentials = request.basicCredentials
        #expect(
            credentials?.user == TwilioFixtures.accountSID,
            "\(String(describing: request.header("Authorization")))"
        )
        #expect(credentials?.password == TwilioFixtures.authToken)
        let mediaType = request.header("Content-Type")?.split(separator: ";").first.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased()
        }
        #expect(
            mediaType == "application/x-www-form-urlencoded",
            "\(String(describing: request.header("Content-Type")))"
        )
    }

    @Test("GraphQL: the documented mutation becomes POST Messages.json with To, From and Body")
    func graphQLFromNumber() async throws {
        let (twilio, gateway) = try SharedRecordingTwilio.require().both

        let response = try await HTTPClient.postGraphQL(DocumentedOperations.sendSms, port: gateway.httpPort)

        let result = try response.decoded(as: GraphQLResult<SendSmsFields>.self)
        #expect(result.data?.message?.sid == TwilioFixtures.messageSID, "\(response.body)")
        #expect(result.data?.message?.status == "queued")
        let request = try Self.gatewayRequest(withBody: "Your code is 123456", in: twilio)
        Self.expectCreateMessage(request)
        #expect(request.form.names == ["To", "From", "Body"], "\(request.form)")
        #expect(request.form["To"] == "+15551234567")
        #expect(request.form["From"] == "+15557654321")
    }

    @Test("GraphQL: the Messaging Service variant sends MessagingServiceSid instead of From")
    func graphQLMessagingService() async throws {
        let (twilio, gateway) = try SharedRecordingTwilio.require().both
        let service = "MG00112233445566778899aabbccddeeff"

        let response = try await HTTPClient.postGraphQL(
            DocumentedOperations.sendSmsThroughMessagingService(service),
            port: gateway.httpPort
        )

        #expect(try response.decoded(as: GraphQLResult<SendSmsFields>.self).errors == nil, "\(response.body)")
        let request = try Self.gatewayRequest(withBody: "Welcome to Yourapp", in: twilio)
        Self.expectCreateMessage(request)
        #expect(request.form.names == ["To", "MessagingServiceSid", "Body"], "\(request.form)")
        #expect(request.form["MessagingServiceSid"] == service)
    }

    @Test("send-sms: two --media-url and --status-callback become MediaUrl twice and StatusCallback")
    func sendSmsCommandWithMedia() async throws {
        let (twilio, gateway) = try SharedRecordingTwilio.require().both
        let body = "media & callback, 100% encoded"

        let (outcome, json) = try await SendSmsCommand.runJSON(
            rpcPort: try gateway.requireRPCPort(),
            [
                "--to", "+15551234567", "--from", "+15557654321", "--body", body,
                "--media-url", "http://127.0.0.1:9/media/first.png?size=large&v=1",
                "--media-url", "http://127.0.0.1:9/media/second.jpg",
                "--status-callback", "http://127.0.0.1:9/twilio/status?tag=a%20b",
            ]
        )

        #expect(outcome.status == 0, "\(outcome)")
        #expect(json.sid == TwilioFixtures.messageSID)
        let request = try Self.gatewayRequest(withBody: body, in: twilio)
        Self.expectCreateMessage(request)
        #expect(request.form.names == ["To", "From", "Body", "MediaUrl", "StatusCallback"], "\(request.form)")
        #expect(
            request.form.values("MediaUrl")
                == ["http://127.0.0.1:9/media/first.png?size=large&v=1", "http://127.0.0.1:9/media/second.jpg"]
        )
        #expect(request.form["StatusCallback"] == "http://127.0.0.1:9/twilio/status?tag=a%20b")
    }
}
