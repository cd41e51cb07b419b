internal import CCurl

/// libcurl's process-wide initialisation, done once before the first handle is made.
enum CurlGlobal {
    /// The result of `curl_global_init`; a static `let` runs exactly once, thread-safely, on first use.
    ///
    /// Possible results: `CURLE_OK`, or `CURLE_FAILED_INIT` when a TLS or other backend failed to start.
    private static let initialization = curl_global_init(Int(CURL_GLOBAL_DEFAULT))

    /// Initialises libcurl if nothing has yet.
    ///
    /// - Throws: ``TwilioTransportError`` of kind ``TwilioTransportError/Kind/setupFailed`` when
    ///   `curl_global_init` failed.
    static func initialize() throws(TwilioTransportError) {
        guard initialization == CURLE_OK else {
            throw TwilioTransportError(setupCall: "curl_global_init", code: initialization)
        }
    }
}
