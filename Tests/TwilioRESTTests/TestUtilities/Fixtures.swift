internal import Foundation
internal import ServiceSupport
internal import Synchronization

@testable internal import TwilioREST

/// Values shared by the client tests.
enum Fixtures {
    static let accountSID = "AC0123456789abcdef0123456789abcdef"
    static let authToken = "f00dcafe-secret-auth-token"
    static let credentials = TwilioCredentials(accountSID: accountSID, authToken: authToken)
    static let messageSID = "SM00112233445566778899aabbccddeeff"
    static let messagesPath = "/2010-04-01/Accounts/\(accountSID)/Messages.json"
    static let messagePath = "/2010-04-01/Accounts/\(accountSID)/Messages/\(messageSID).json"

    /// The 201 body of twilio-api.md §2.4.
    static let createdMessageJSON = """
        {"account_sid":"AC0123456789abcdef0123456789abcdef","api_version":"2010-04-01","body":"Your code is 123456",
         "date_created":"Wed, 01 Jan 2025 12:00:00 +0000","date_sent":null,"date_updated":"Wed, 01 Jan 2025 12:00:00 +0000",
         "direction":"outbound-api","error_code":null,"error_message":null,"from":"+15005550006",
         "messaging_service_sid":null,"num_media":"0","num_segments":"1","price":null,"price_unit":"USD",
         "sid":"SM00112233445566778899aabbccddeeff","status":"queued",
         "subresource_uris":{"media":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM00112233445566778899aabbccddeeff/Media.json"},
         "to":"+14155550100","uri":"/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages/SM00112233445566778899aabbccddeeff.json"}
        """

    /// A configuration aimed at `server`, with short timeouts so failing tests end quickly.
    static func configuration(
        for server: RecordingServer,
        requestTimeout: Duration = .seconds(5),
        maximumResponseBodyBytes: Int = 10 * 1024 * 1024,
        maximumConnectionsPerHost: Int = 4
    ) -> TwilioConfiguration {
        TwilioConfiguration(
            apiBaseURL: server.baseURL,
            verifyBaseURL: server.baseURL,
            connectTimeout: .seconds(2),
            requestTimeout: requestTimeout,
            maximumResponseBodyBytes: maximumResponseBodyBytes,
            maximumConnectionsPerHost: maximumConnectionsPerHost
        )
    }

    /// A client for `configuration` with the fixture credentials.
    static func client(
        _ configuration: TwilioConfiguration,
        logger: Logger = .disabled,
        observer: (@Sendable (TwilioRequestEvent) -> Void)? = nil
    ) throws -> TwilioClient {
        try TwilioClient(
            configuration: configuration,
            credentials: StaticCredentialSource(credentials),
            logger: logger,
            observer: observer
        )
    }

    /// A message request that needs nothing but a recipient, sender and text.
    static let simpleMessage = CreateMessageRequest(to: "+14155550100", from: "+15005550006", body: "Hi")
}

/// Collects the events a client reports.
final class EventCollector: Sendable {
    private let storage = Mutex<[TwilioRequestEvent]>([])

    var events: [TwilioRequestEvent] {
        storage.withLock { $0 }
    }

    var observer: @Sendable (TwilioRequestEvent) -> Void {
        { event in self.record(event) }
    }

    private func record(_ event: TwilioRequestEvent) {
        storage.withLock { $0.append(event) }
    }
}
