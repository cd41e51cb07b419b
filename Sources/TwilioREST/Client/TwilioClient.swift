public import ServiceSupport

/// A client for Twilio's REST APIs, over libcurl.
///
/// One client serves any number of concurrent requests from any task, over a shared pool of
/// kept-alive connections (at most ``TwilioConfiguration/maximumConnectionsPerHost`` per host).
/// Requests follow Twilio's documentation: form-encoded bodies with PascalCase names, HTTP Basic
/// authentication with the credentials fetched for each request, `Accept: application/json`.
/// Redirects are not followed; only `http` and `https` URLs are used.
///
/// Each request logs one `twilio.request.finished` line at debug level (method, path, status or
/// failure, duration; never credentials) and reports a ``TwilioRequestEvent`` to the observer.
///
/// Releasing the client stops its network thread; no request can be running then, since each
/// one keeps the client alive until it returns.
public final class TwilioClient: Sendable {
    /// Where requests go and how long they may take.
    public let configuration: TwilioConfiguration
    private let credentialSource: any TwilioCredentialSource
    private let engine: HTTPEngine
    private let logger: Logger
    private let observer: (@Sendable (TwilioRequestEvent) -> Void)?

    /// Creates a client and starts its network thread.
    ///
    /// - Parameters:
    ///   - configuration: Base URLs, timeouts and limits.
    ///   - credentials: Asked for the credentials before each request.
    ///   - logger: The logger for requests that bring none of their own, and for the network thread.
    ///   - observer: Called once after each request that was sent, on the task that made it.
    /// - Throws: ``TwilioTransportError`` of kind ``TwilioTransportError/Kind/setupFailed`` when
    ///   libcurl cannot be initialised.
    public init(
        configuration: TwilioConfiguration = TwilioConfiguration(),
        credentials: any TwilioCredentialSource,
        logger: Logger = .disabled,
        observer: (@Sendable (TwilioRequestEvent) -> Void)? = nil
    ) throws {
        self.configuration = configuration
        self.credentialSource = credentials
        self.logger = logger.labeled("twilio.rest")
        self.observer = observer
        self.engine = try HTTPEngine(
            maximumConnectionsPerHost: configuration.maximumConnectionsPerHost,
            logger: self.logger
        )
    }

    /// Runs an operation and returns the raw answer, which has a 2xx status.
    ///
    /// - Throws: ``TwilioAPIError`` for any other status, ``TwilioTransportError`` (also for an
    ///   empty value in the path), `CancellationError`, or the credential source's error.
    func perform(
        _ operation: TwilioOperation,
        deadline: ContinuousClock.Instant?,
        logger requestLogger: Logger?
    ) async throws -> HTTPResponse {
        let started = ContinuousClock.now
        let credentials = try await credentialSource.credentials()
        let path = try operation.renderPath(accountSID: credentials.accountSID)
        let report = RequestReport(
            operation: operation,
            path: path,
            started: started,
            logger: requestLogger?.labeled("twilio.rest") ?? logger,
            observer: observer
        )

        do {
            let request = try makeRequest(operation, path: path, credentials: credentials, deadline: deadline)
            let response = try await engine.send(request)
            guard response.isSuccess else {
                let error = TwilioAPIError(response: response)
                report.finished(.response(httpStatus: response.status), twilioErrorCode: error.code)
                throw error
            }
            report.finished(.response(httpStatus: response.status))
            return response
        } catch let error as TwilioTransportError {
            report.finished(.transportFailure(error.kind))
            throw error
        } catch is CancellationError {
            report.finished(.cancelled)
            throw CancellationError()
        }
    }

    private func makeRequest(
        _ operation: TwilioOperation,
        path: String,
        credentials: TwilioCredentials,
        deadline: ContinuousClock.Instant?
    ) throws(TwilioTransportError) -> HTTPRequest {
        let timeouts = try RequestTimeouts(configuration: configuration, deadline: deadline, now: .now)
        let baseURL = operation.service == .api ? configuration.apiBaseURL : configuration.verifyBaseURL
        let url = Self.trimmingTrailingSlashes(baseURL) + path
        var headers = [HTTPHeader("Accept", "application/json"), HTTPHeader("Accept-Charset", "utf-8")]
        var body: [UInt8] = []

        if operation.method == .post {
            headers.append(HTTPHeader("Content-Type", "application/x-www-form-urlencoded"))
            body = Array(FormEncoding.encode(operation.fields).utf8)
        }

        return HTTPRequest(
            method: operation.method,
            url: url,
            headers: headers,
            body: body,
            authentication: .init(
                user: credentials.basicAuthentication.user,
                password: credentials.basicAuthentication.password
            ),
            userAgent: configuration.userAgent,
            connectTimeout: timeouts.connect,
            timeout: timeouts.total,
            maximumResponseBodyBytes: configuration.maximumResponseBodyBytes
        )
    }

    private static func trimmingTrailingSlashes(_ url: String) -> String {
        var trimmed = Substring(url)
        while trimmed.hasSuffix("/") {
            trimmed = trimmed.dropLast()
        }
        return String(trimmed)
    }
}
