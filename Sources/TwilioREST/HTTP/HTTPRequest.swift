internal import ServiceSupport

/// One HTTP request for ``HTTPEngine``, with everything libcurl needs to run it.
struct HTTPRequest: Sendable {
    /// The methods Twilio's APIs use; updates are `POST`, never `PUT` or `PATCH`.
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case delete = "DELETE"
    }

    /// A user name and password for HTTP Basic authentication.
    struct BasicAuthentication: Sendable {
        var user: String
        /// Held as wipeable bytes; the request keeps it alive until the transfer is built.
        var password: SecretBytes
    }

    var method: Method
    /// The absolute `http` or `https` URL, query included.
    var url: String
    /// Headers besides `User-Agent`, `Authorization` and `Content-Length`, which come from other fields.
    var headers: [HTTPHeader]
    /// The body of a `POST`; ignored for other methods.
    var body: [UInt8]
    var authentication: BasicAuthentication?
    var userAgent: String
    var connectTimeout: Duration
    /// The whole request's timeout, connecting included.
    var timeout: Duration
    var maximumResponseBodyBytes: Int
    /// A PEM file of certificates trusted in place of libcurl's CA bundle, each by itself
    /// (libcurl sets OpenSSL's partial-chain flag); libcurl's CA directory stays trusted.
    /// `nil` keeps libcurl's defaults.
    var trustedCertificatesPath: String? = nil
}
