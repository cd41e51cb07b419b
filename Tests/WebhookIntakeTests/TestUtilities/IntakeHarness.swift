import Foundation
import GatewayCrypto
import GatewayServices
import GatewayStore
import HTTPServer
import ServiceSupport
import TwilioREST
import WebhookIntake

/// A webhook intake behind a real HTTP server on 127.0.0.1, with its own data directory, event
/// log, store and reply board, and a libcurl client to post at it.
final class IntakeHarness: Sendable {
    static let accountSID = "AC0123456789abcdef0123456789abcdef"
    static let authToken = "0123456789abcdef0123456789abcdef"
    static let publicBase = "https://gw.example.test/prefix"

    let directory: TemporaryDirectory
    let store: GatewayStore
    let eventLog: any EventLog
    let board = WebhookReplyBoard()
    let logs = InMemoryLogHandler()
    let intake: WebhookIntake
    private let server: HTTPServer
    private let client: WebhookClient

    /// How a test wants its harness: the token, the settings, the log, extra routes.
    struct Options {
        /// The token the credential source hands out.
        var authToken = IntakeHarness.authToken
        /// Replaces the credential source made from ``authToken``.
        var credentials: (any TwilioCredentialSource)?
        /// Changes the intake's settings (the public base is ``IntakeHarness/publicBase``).
        var configure: (inout WebhookIntake.Configuration) -> Void = { _ in }
        /// Wraps the SQLite log the harness opens, such as with a failing one.
        var eventLog: (any EventLog) -> any EventLog = { $0 }
        /// Adds routes besides the standard endpoints.
        var routes: (WebhookIntake, inout HTTPRouter) -> Void = { _, _ in }

        /// The intake's settings changed by `change`.
        static func configured(_ change: @escaping (inout WebhookIntake.Configuration) -> Void) -> Options {
            Options(configure: change)
        }

        /// The harness's log wrapped by `wrap`.
        static func wrappingLog(_ wrap: @escaping (any EventLog) -> any EventLog) -> Options {
            Options(eventLog: wrap)
        }
    }

    /// Starts the intake.
    init(_ options: Options = Options()) throws {
        directory = try TemporaryDirectory()
        store = try GatewayStore(directory: directory.path)
        eventLog = options.eventLog(try SQLiteEventLog(directory: directory.path))
        let base = try WebhookBaseURL(Self.publicBase)
        var configuration = WebhookIntake.Configuration(publicBaseURL: { base })
        options.configure(&configuration)
        try configuration.validate()
        let credentials =
            options.credentials
            ?? StaticCredentialSource(TwilioCredentials(accountSID: Self.accountSID, authToken: options.authToken))
        intake = WebhookIntake(
            configuration: configuration,
            eventLog: eventLog,
            store: store,
            replyBoard: board,
            credentials: credentials,
            logger: Logger(label: "test", handler: logs, minimumLevel: .trace)
        )
        var router = HTTPRouter()
        intake.register(in: &router)
        options.routes(intake, &router)
        server = try HTTPServer(
            configuration: HTTPServer.Configuration(host: "127.0.0.1", port: 0),
            handler: router.handler
        )
        try server.start()
        client = try WebhookClient()
    }

    /// Runs `body` with a started harness and closes it afterwards, also when `body` throws.
    static func with<Result>(
        _ options: Options = Options(),
        _ body: (IntakeHarness) async throws -> Result
    ) async throws -> Result {
        let harness = try IntakeHarness(options)
        do {
            let result = try await body(harness)
            await harness.close()
            return result
        } catch {
            await harness.close()
            throw error
        }
    }

    /// `http://127.0.0.1:<port>`, where the server really listens.
    var localBase: String {
        "http://127.0.0.1:\(server.boundPort ?? 0)"
    }

    /// Sends a request to `path` (and `?query`) on the local server.
    func send(
        _ method: WebhookRequest.Method = .post,
        path: String,
        query: String = "",
        headers: [(name: String, value: String)] = [],
        body: [UInt8] = []
    ) async throws -> WebhookResponse {
        let url = localBase + path + (query.isEmpty ? "" : "?" + query)
        return try await client.send(WebhookRequest(method: method, url: url, headers: headers, body: body))
    }

    /// Posts `fields` as a form to `endpoint`, signed as Twilio signs it for the public URL.
    ///
    /// - Parameters:
    ///   - token: The `I-Twilio-Idempotency-Token`, or `nil` for none.
    ///   - signature: Replaces the computed signature (`""` sends none).
    func post(
        _ fields: [(name: String, value: String)],
        to endpoint: WebhookEndpoint,
        query: String = "",
        token: String? = UUID().uuidString,
        signature: String? = nil,
        authToken: String = IntakeHarness.authToken
    ) async throws -> WebhookResponse {
        let publicURL = Self.publicBase + endpoint.path + (query.isEmpty ? "" : "?" + query)
        let signed = signature ?? TwilioSignature.sign(url: publicURL, parameters: fields, authToken: authToken)
        var headers = [(name: "Content-Type", value: "application/x-www-form-urlencoded")]
        if !signed.isEmpty {
            headers.append((name: "X-Twilio-Signature", value: signed))
        }
        if let token {
            headers.append((name: "I-Twilio-Idempotency-Token", value: token))
        }
        return try await send(
            path: endpoint.path,
            query: query,
            headers: headers,
            body: Array(HTTPFormText.encode(fields).utf8)
        )
    }

    /// Every event in the log, oldest first.
    func events() async throws -> [LoggedEvent] {
        try await eventLog.read(after: 0, limit: 1000, filter: .all).events
    }

    /// Waits until the log holds at least `count` events, for up to 10 seconds.
    func waitForEvents(count: Int) async throws -> Bool {
        let end = ContinuousClock.now + .seconds(10)
        while try await events().count < count {
            guard ContinuousClock.now < end else {
                return false
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return true
    }

    /// The log lines with `message`.
    func logLines(_ message: String) -> [LogRecord] {
        logs.records.filter { $0.message == message }
    }

    private func close() async {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread {
                self.server.stop()
                continuation.resume()
            }
        }
        await eventLog.close()
        store.close()
    }
}

extension WebhookResponse {
    /// The body as UTF-8 text.
    var text: String {
        String(decoding: body, as: UTF8.self)
    }
}

extension IntakeHarness {
    /// Posts `json` to `endpoint` as Twilio posts JSON: `bodySHA256` in the query, the URL signed.
    func postJSON(_ json: String, to endpoint: WebhookEndpoint, token: String? = UUID().uuidString) async throws
        -> WebhookResponse
    {
        let body = Array(json.utf8)
        let query = "bodySHA256=" + Digest.hex(Digest.sha256(body))
        let signature = TwilioSignatureHelper.sign(url: Self.publicBase + endpoint.path + "?" + query)
        var headers = [
            (name: "Content-Type", value: "application/json"), (name: "X-Twilio-Signature", value: signature),
        ]
        if let token {
            headers.append((name: "I-Twilio-Idempotency-Token", value: token))
        }
        return try await send(path: endpoint.path, query: query, headers: headers, body: body)
    }
}

/// Signs as Twilio does with the harness's auth token.
enum TwilioSignatureHelper {
    static func sign(url: String, fields: [(name: String, value: String)] = []) -> String {
        TwilioSignature.sign(url: url, parameters: fields, authToken: IntakeHarness.authToken)
    }
}

/// Form encoding as Twilio sends it.
enum HTTPFormText {
    static func encode(_ fields: [(name: String, value: String)]) -> String {
        HTTPForm(fields).encoded
    }
}
