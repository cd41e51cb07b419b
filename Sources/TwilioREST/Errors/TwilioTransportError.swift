/// Twilio could not be reached, or its answer could not be read.
///
/// No HTTP status is involved: the request never got an answer (connection refused, name not
/// resolved, TLS failure, timeout), the answer was cut off or too large, or it was not the JSON
/// Twilio documents. An answer with an error status is a ``TwilioAPIError`` instead.
public struct TwilioTransportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What went wrong, in broad classes that callers can act on.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Value: Hashable, Sendable {
            case connectFailed
            case nameResolutionFailed
            case tlsFailed
            case timedOut
            case connectionLost
            case tooLarge
            case invalidResponse
            case invalidRequest
            case setupFailed
            case transferFailed
        }

        private let value: Value

        /// No TCP connection could be made (refused, unreachable). Nothing was sent.
        public static let connectFailed = Kind(value: .connectFailed)
        /// The host name could not be resolved. Nothing was sent.
        public static let nameResolutionFailed = Kind(value: .nameResolutionFailed)
        /// The TLS handshake failed or the server's certificate was not trusted. Nothing was sent.
        public static let tlsFailed = Kind(value: .tlsFailed)
        /// The request timeout or the caller's deadline passed before the answer was complete.
        ///
        /// Twilio may or may not have acted on the request.
        public static let timedOut = Kind(value: .timedOut)
        /// The connection broke while the request was sent or the answer read.
        ///
        /// Twilio may or may not have acted on the request.
        public static let connectionLost = Kind(value: .connectionLost)
        /// The answer's body was larger than ``TwilioConfiguration/maximumResponseBodyBytes``.
        public static let tooLarge = Kind(value: .tooLarge)
        /// Twilio answered with a success status, but the body is not the documented JSON.
        public static let invalidResponse = Kind(value: .invalidResponse)
        /// The request could not be made as configured, such as a base URL that is not http or https.
        public static let invalidRequest = Kind(value: .invalidRequest)
        /// libcurl could not be initialised or configured for the request (often out of memory).
        public static let setupFailed = Kind(value: .setupFailed)
        /// Any other failure reported by libcurl; ``TwilioTransportError/curlCode`` tells which.
        public static let transferFailed = Kind(value: .transferFailed)

        public var description: String {
            switch value {
            case .connectFailed: "connect failed"
            case .nameResolutionFailed: "name resolution failed"
            case .tlsFailed: "TLS failed"
            case .timedOut: "timed out"
            case .connectionLost: "connection lost"
            case .tooLarge: "response too large"
            case .invalidResponse: "invalid response"
            case .invalidRequest: "invalid request"
            case .setupFailed: "setup failed"
            case .transferFailed: "transfer failed"
            }
        }
    }

    /// What went wrong.
    public var kind: Kind
    /// libcurl's `CURLcode` for the failed call, or `nil` when the failure did not come from a
    /// `curl_easy_*` call (a deadline that had already passed, an undecodable body, a multi-handle error).
    public var curlCode: Int?
    /// What went wrong in words, including libcurl's own message when there is one.
    ///
    /// Never contains credentials: they are not part of any URL, and libcurl does not print them.
    public var message: String

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - curlCode: libcurl's `CURLcode`, if the failure came from libcurl.
    ///   - message: What went wrong in words.
    public init(kind: Kind, curlCode: Int? = nil, message: String) {
        self.kind = kind
        self.curlCode = curlCode
        self.message = message
    }

    /// Whether trying again later may succeed: true for connection failures, name resolution
    /// failures, lost connections and timeouts.
    ///
    /// This says nothing about safety. After ``Kind/timedOut`` or ``Kind/connectionLost`` Twilio may
    /// already have created the message or call, so a retry can send it twice.
    public var isRetryable: Bool {
        [.connectFailed, .nameResolutionFailed, .timedOut, .connectionLost].contains(kind)
    }

    public var description: String {
        let code = curlCode.map { " (curl code \($0))" } ?? ""
        return "Twilio request failed, \(kind)\(code): \(message)"
    }
}
