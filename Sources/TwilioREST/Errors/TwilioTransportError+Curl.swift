internal import CCurl

extension TwilioTransportError {
    /// The error for a transfer that ended with `code`.
    ///
    /// - Parameters:
    ///   - code: The transfer's result, not `CURLE_OK`.
    ///   - detail: libcurl's error buffer for the transfer, which says more than `curl_easy_strerror`.
    init(transferCode code: CURLcode, detail: String) {
        let summary = String(cString: curl_easy_strerror(code))
        let message = detail.isEmpty || detail == summary ? summary : "\(summary): \(detail)"
        self.init(kind: Self.kind(of: code), curlCode: Int(code.rawValue), message: message)
    }

    /// The error for a `curl_*` call that failed while a handle was being set up.
    init(setupCall function: String, code: CURLcode) {
        let message = "\(function) failed: " + String(cString: curl_easy_strerror(code))
        let kind: Kind =
            code == CURLE_UNSUPPORTED_PROTOCOL || code == CURLE_URL_MALFORMAT ? .invalidRequest : .setupFailed
        self.init(kind: kind, curlCode: Int(code.rawValue), message: message)
    }

    /// The error for a `curl_multi_*` call that failed; the multi handle's code goes in the message.
    init(multiCall function: String, code: CURLMcode) {
        let message = "\(function) failed (CURLMcode \(code.rawValue)): " + String(cString: curl_multi_strerror(code))
        self.init(kind: .transferFailed, message: message)
    }

    private static func kind(of code: CURLcode) -> Kind {
        switch code {
        case CURLE_COULDNT_CONNECT:
            .connectFailed
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY:
            .nameResolutionFailed
        case CURLE_OPERATION_TIMEDOUT:
            .timedOut
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
            CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH,
            CURLE_SSL_INVALIDCERTSTATUS, CURLE_SSL_CRL_BADFILE, CURLE_USE_SSL_FAILED, CURLE_SSL_ENGINE_NOTFOUND,
            CURLE_SSL_ENGINE_SETFAILED, CURLE_SSL_ENGINE_INITFAILED:
            .tlsFailed
        case CURLE_SEND_ERROR, CURLE_RECV_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE, CURLE_HTTP2,
            CURLE_HTTP2_STREAM:
            .connectionLost
        case CURLE_FILESIZE_EXCEEDED:
            .tooLarge
        case CURLE_UNSUPPORTED_PROTOCOL, CURLE_URL_MALFORMAT:
            .invalidRequest
        case CURLE_OUT_OF_MEMORY, CURLE_FAILED_INIT:
            .setupFailed
        default:
            .transferFailed
        }
    }
}
