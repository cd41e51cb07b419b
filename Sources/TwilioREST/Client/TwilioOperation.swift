/// One Twilio endpoint call, described before the credentials are known.
struct TwilioOperation: Sendable {
    /// Which of Twilio's hosts serves the operation.
    enum Service: Sendable {
        /// ``TwilioConfiguration/apiBaseURL``: Messages, Calls.
        case api
        /// ``TwilioConfiguration/verifyBaseURL``: Verify v2.
        case verify
    }

    /// A piece of the path; the pieces are joined without separators.
    enum PathPart: Sendable {
        /// Text written as is, slashes included.
        case literal(String)
        /// The account SID of the request's credentials, percent-encoded.
        case accountSID
        /// A caller's value such as a message SID, percent-encoded so it stays one path segment.
        case value(String)
    }

    /// The name used in logs and metrics, such as `messages.create`.
    var name: String
    var method: HTTPRequest.Method
    var service: Service
    var path: [PathPart]
    /// The form body of a `POST`; other methods send no body.
    var fields: [FormField] = []

    /// The path, with the account SID and values filled in and escaped.
    func renderPath(accountSID: String) -> String {
        path.map { part in
            switch part {
            case .literal(let text): text
            case .accountSID: FormEncoding.encodePathSegment(accountSID)
            case .value(let text): FormEncoding.encodePathSegment(text)
            }
        }
        .joined()
    }
}
