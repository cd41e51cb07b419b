internal import HTTPServer

/// How the sandbox reads request parameters from a body.
enum SandboxForm {
    /// The body's form fields when it is `application/x-www-form-urlencoded` (or has no
    /// `Content-Type`), else none. Twilio reads only form bodies: a JSON body looks to it like
    /// a request with no parameters, so `To` is missing and the answer is 21604.
    static func decode(_ request: HTTPRequest) -> HTTPForm {
        switch request.mediaType {
        case nil, "application/x-www-form-urlencoded": HTTPForm(decoding: request.body)
        default: HTTPForm()
        }
    }
}
