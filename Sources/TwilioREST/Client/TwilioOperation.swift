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
        /// A caller's value such as a message SID, percent-encoded (dots included) so it stays
        /// one path segment; it must not be empty.
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
    ///
    /// - Throws: ``TwilioTransportError`` of kind ``TwilioTransportError/Kind/invalidRequest``
    ///   when the account SID or a value is empty, which would name another resource (a list
    ///   instead of one item); nothing is sent then.
    func renderPath(accountSID: String) throws(TwilioTransportError) -> String {
        var rendered = ""
        for part in path {
            switch part {
            case .literal(let text):
                rendered += text
            case .accountSID:
                rendered += try Self.segment(accountSID, name: "the account SID")
            case .value(let text):
                rendered += try Self.segment(text, name: "a value of the path")
            }
        }
        return rendered
    }

    private static func segment(_ text: String, name: String) throws(TwilioTransportError) -> String {
        guard !text.isEmpty else {
            throw TwilioTransportError(
                kind: .invalidRequest,
                message: "\(name) is empty, which would change the resource the request names; nothing was sent"
            )
        }
        return FormEncoding.encodePathSegment(text)
    }
}
