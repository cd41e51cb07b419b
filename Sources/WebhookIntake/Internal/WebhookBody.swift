internal import GatewayStore
internal import HTTPServer

/// Where a webhook's parameters are: the query string of a `GET`, a form body, or a JSON body
/// (Twilio's `bodySHA256` variant). Each is signed differently.
enum WebhookBody: Sendable {
    /// A `GET` (or `HEAD`, which the router serves with the `GET` route): the parameters are in
    /// the query, and the signature covers the URL alone.
    case query
    /// An `application/x-www-form-urlencoded` body (or no body): the signature covers the URL
    /// and the sorted form fields.
    case form
    /// An `application/json` body: the signature covers the URL, whose `bodySHA256` must be
    /// the body's hash.
    case json

    /// The form fields' media type.
    static let formType = "application/x-www-form-urlencoded"

    /// How `request` carries its parameters, or why `endpoint` does not take it (415, or 400
    /// for a `GET` with a body); decided from the method and `Content-Type` alone.
    static func of(_ request: HTTPRequest, at endpoint: WebhookEndpoint) throws(WebhookRejection) -> WebhookBody {
        if request.method == .get || request.method == .head {
            guard request.body.isEmpty else {
                throw .badRequest("a GET webhook carries its parameters in the query string, not in a body")
            }
            return .query
        }
        switch request.mediaType {
        case nil where request.body.isEmpty, formType?:
            return .form
        case "application/json"? where endpoint.acceptsJSON:
            return .json
        default:
            let accepted = endpoint.acceptsJSON ? "\(formType) or application/json" : formType
            throw WebhookRejection(
                status: .unsupportedMediaType,
                message: "\(endpoint.path) takes \(accepted) bodies, as Twilio sends them"
            )
        }
    }

    /// The form fields the signature covers, decoded as leniently as Twilio's validators do.
    func signedFields(of request: HTTPRequest) -> [(name: String, value: String)] {
        self == .form ? HTTPForm(decoding: request.body).fields : []
    }

    /// Every parameter of a request whose signature checked out, in order, decoded strictly.
    ///
    /// - Throws: ``WebhookRejection`` (400) when the body is not well-formed.
    func parameters(of request: HTTPRequest) throws(WebhookRejection) -> [EventParameter] {
        let fields: [(name: String, value: String)]
        switch self {
        case .query: fields = try StrictForm.fields(of: Array(request.query.utf8))
        case .form: fields = try StrictForm.fields(of: request.body)
        case .json: fields = try JSONMembers.members(of: request.body)
        }
        return fields.map { EventParameter($0.name, $0.value) }
    }
}
