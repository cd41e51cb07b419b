internal import CCurl
internal import ServiceSupport

/// A libcurl easy handle set up for one ``HTTPRequest``, with the memory libcurl points into.
///
/// - Important: Once added to a multi handle, the easy handle must be removed from it before this
///   object is released. `deinit` calls `curl_easy_cleanup`, then frees the header list and the
///   error buffer and releases the response sink, which libcurl no longer references by then.
///
/// Built on the caller's task, then handed to the engine thread, which alone uses it from then on.
final class CurlEasy {
    /// The `CURL *`, valid until `deinit`.
    let handle: UnsafeMutableRawPointer
    /// Receives the body; retained once for `CURLOPT_WRITEDATA`, released in `deinit`.
    private let sink: Unmanaged<ResponseSink>
    /// `CURL_ERROR_SIZE` bytes that libcurl fills with the details of a failure (`CURLOPT_ERRORBUFFER`).
    private let errorBuffer: UnsafeMutablePointer<CChar>
    /// The `CURLOPT_HTTPHEADER` list, which libcurl reads during the transfer without copying it.
    private var headerList: UnsafeMutablePointer<curl_slist>?

    /// Makes a handle for `request`.
    ///
    /// - Throws: ``TwilioTransportError`` of kind `setupFailed` or `invalidRequest` when libcurl
    ///   cannot be initialised or refuses an option.
    init(request: HTTPRequest) throws(TwilioTransportError) {
        try CurlGlobal.initialize()
        guard let handle = curl_easy_init() else {
            throw TwilioTransportError(kind: .setupFailed, message: "curl_easy_init returned NULL (out of memory?)")
        }
        self.handle = handle
        self.sink = Unmanaged.passRetained(ResponseSink(limit: request.maximumResponseBodyBytes))
        self.errorBuffer = .allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(repeating: 0, count: Int(CURL_ERROR_SIZE))

        try configureTransfer(request)
        try configureBody(request)
        try configureHeaders(request)
    }

    deinit {
        curl_easy_cleanup(handle)
        curl_slist_free_all(headerList)
        errorBuffer.deallocate()
        sink.release()
    }

    /// The answer, or the failure, of the finished transfer.
    ///
    /// - Parameter code: The transfer's result from `curl_multi_info_read`.
    func outcome(_ code: CURLcode) -> Result<HTTPResponse, TwilioTransportError> {
        let body = sink.takeUnretainedValue()
        guard code == CURLE_OK else {
            if code == CURLE_WRITE_ERROR && body.exceededLimit {
                return .failure(tooLargeError(body))
            }
            return .failure(TwilioTransportError(transferCode: code, detail: String(cString: errorBuffer)))
        }

        var status = 0
        let infoCode = CCurl_easy_getinfo_long(handle, CURLINFO_RESPONSE_CODE, &status)
        guard infoCode == CURLE_OK else {
            return .failure(
                TwilioTransportError(setupCall: "curl_easy_getinfo(CURLINFO_RESPONSE_CODE)", code: infoCode)
            )
        }
        return .success(HTTPResponse(status: status, headers: responseHeaders(), body: body.bytes))
    }

    private func tooLargeError(_ body: ResponseSink) -> TwilioTransportError {
        TwilioTransportError(
            kind: .tooLarge,
            curlCode: Int(CURLE_WRITE_ERROR.rawValue),
            message: "the response body is larger than the limit of \(body.limit) bytes"
        )
    }

    /// The headers of the last response (the final one after any `100 Continue`), in order.
    private func responseHeaders() -> [HTTPHeader] {
        var headers: [HTTPHeader] = []
        var previous: UnsafeMutablePointer<curl_header>?
        while let header = curl_easy_nextheader(handle, UInt32(CURLH_HEADER), -1, previous) {
            headers.append(HTTPHeader(String(cString: header.pointee.name), String(cString: header.pointee.value)))
            previous = header
        }
        return headers
    }

    private func configureTransfer(_ request: HTTPRequest) throws(TwilioTransportError) {
        try set(CURLOPT_URL, "CURLOPT_URL", string: request.url)
        try set(CURLOPT_PROTOCOLS_STR, "CURLOPT_PROTOCOLS_STR", string: "http,https")
        try set(CURLOPT_FOLLOWLOCATION, "CURLOPT_FOLLOWLOCATION", long: 0)
        try set(CURLOPT_NOSIGNAL, "CURLOPT_NOSIGNAL", long: 1)
        try set(CURLOPT_TCP_KEEPALIVE, "CURLOPT_TCP_KEEPALIVE", long: 1)
        try set(CURLOPT_CONNECTTIMEOUT_MS, "CURLOPT_CONNECTTIMEOUT_MS", long: Self.milliseconds(request.connectTimeout))
        try set(CURLOPT_TIMEOUT_MS, "CURLOPT_TIMEOUT_MS", long: Self.milliseconds(request.timeout))
        try set(CURLOPT_USERAGENT, "CURLOPT_USERAGENT", string: request.userAgent)
        try set(CURLOPT_ERRORBUFFER, "CURLOPT_ERRORBUFFER", pointer: errorBuffer)
        if let trustedCertificatesPath = request.trustedCertificatesPath {
            try set(CURLOPT_CAINFO, "CURLOPT_CAINFO", string: trustedCertificatesPath)
        }

        try check(
            CCurl_easy_setopt_off_t(handle, CURLOPT_MAXFILESIZE_LARGE, curl_off_t(request.maximumResponseBodyBytes)),
            "CURLOPT_MAXFILESIZE_LARGE"
        )
        try check(CCurl_easy_setopt_write_callback(handle, CURLOPT_WRITEFUNCTION, writeBody), "CURLOPT_WRITEFUNCTION")
        try set(CURLOPT_WRITEDATA, "CURLOPT_WRITEDATA", pointer: sink.toOpaque())

        if let authentication = request.authentication {
            try set(CURLOPT_HTTPAUTH, "CURLOPT_HTTPAUTH", long: Int(CCurl_auth_basic()))
            try set(CURLOPT_USERNAME, "CURLOPT_USERNAME", string: authentication.user)
            try setPassword(authentication.password)
        }
    }

    /// Hands the secret to libcurl as a C string read straight from its wipeable buffer, so no
    /// `String` copy of it is made on our side.
    ///
    /// Known limit (libcurl's, not ours): `curl_easy_setopt` copies string options (its manual
    /// for `CURLOPT_PASSWORD`: the application need not keep the string around), and libcurl
    /// keeps that copy, plus the `Authorization: Basic` value it builds from it for the transfer,
    /// in its own heap memory. ``clearPassword()`` frees the option's copy when the transfer ends
    /// and `curl_easy_cleanup` (in `deinit`, right after) frees the rest, but libcurl's
    /// documentation promises no wiping: that memory is freed, not zeroed, and may still hold the
    /// secret until the allocator reuses it.
    private func setPassword(_ password: SecretBytes) throws(TwilioTransportError) {
        let code = password.withCString { CCurl_easy_setopt_string(handle, CURLOPT_PASSWORD, $0) }
        try check(code, "CURLOPT_PASSWORD")
    }

    /// Drops libcurl's copy of the password once the transfer is over, so it does not wait for
    /// the handle's release; called by the engine when the transfer finishes or is stopped.
    func clearPassword() {
        // Setting a string option to NULL cannot fail except for an unknown option, which
        // CURLOPT_PASSWORD is not, so a failure here is a programming error.
        let code = CCurl_easy_setopt_string(handle, CURLOPT_PASSWORD, nil)
        precondition(code == CURLE_OK, "curl_easy_setopt(CURLOPT_PASSWORD, NULL) failed")
    }

    private func configureBody(_ request: HTTPRequest) throws(TwilioTransportError) {
        switch request.method {
        case .get:
            try set(CURLOPT_HTTPGET, "CURLOPT_HTTPGET", long: 1)
        case .delete:
            try set(CURLOPT_CUSTOMREQUEST, "CURLOPT_CUSTOMREQUEST", string: "DELETE")
        case .post:
            let size = CCurl_easy_setopt_off_t(handle, CURLOPT_POSTFIELDSIZE_LARGE, curl_off_t(request.body.count))
            try check(size, "CURLOPT_POSTFIELDSIZE_LARGE")
            // CURLOPT_COPYPOSTFIELDS copies the bytes, so the pointer need not outlive this call.
            let copy =
                request.body.isEmpty
                ? CCurl_easy_setopt_string(handle, CURLOPT_COPYPOSTFIELDS, "")
                : request.body.withUnsafeBytes { bytes in
                    CCurl_easy_setopt_pointer(
                        handle,
                        CURLOPT_COPYPOSTFIELDS,
                        UnsafeMutableRawPointer(mutating: bytes.baseAddress)
                    )
                }
            try check(copy, "CURLOPT_COPYPOSTFIELDS")
        }
    }

    private func configureHeaders(_ request: HTTPRequest) throws(TwilioTransportError) {
        // An empty `Expect:` stops libcurl from sending `Expect: 100-continue` for larger bodies.
        for line in request.headers.map({ "\($0.name): \($0.value)" }) + ["Expect:"] {
            guard let extended = curl_slist_append(headerList, line) else {
                throw TwilioTransportError(
                    kind: .setupFailed,
                    message: "curl_slist_append returned NULL (out of memory?)"
                )
            }
            headerList = extended
        }
        try set(CURLOPT_HTTPHEADER, "CURLOPT_HTTPHEADER", pointer: headerList)
    }

    private func set(_ option: CURLoption, _ name: String, long value: Int) throws(TwilioTransportError) {
        try check(CCurl_easy_setopt_long(handle, option, value), name)
    }

    private func set(_ option: CURLoption, _ name: String, string value: String) throws(TwilioTransportError) {
        try check(CCurl_easy_setopt_string(handle, option, value), name)
    }

    private func set(
        _ option: CURLoption,
        _ name: String,
        pointer value: UnsafeMutableRawPointer?
    ) throws(TwilioTransportError) {
        try check(CCurl_easy_setopt_pointer(handle, option, value), name)
    }

    private func set<Pointee>(
        _ option: CURLoption,
        _ name: String,
        pointer value: UnsafeMutablePointer<Pointee>?
    ) throws(TwilioTransportError) {
        try set(option, name, pointer: UnsafeMutableRawPointer(value))
    }

    /// Possible failures: `CURLE_UNKNOWN_OPTION` (libcurl too old), `CURLE_NOT_BUILT_IN`,
    /// `CURLE_BAD_FUNCTION_ARGUMENT` (a value out of range), `CURLE_OUT_OF_MEMORY`, and for
    /// `CURLOPT_PROTOCOLS_STR` or `CURLOPT_URL` a protocol or URL that libcurl rejects.
    private func check(_ code: CURLcode, _ name: String) throws(TwilioTransportError) {
        guard code == CURLE_OK else {
            throw TwilioTransportError(setupCall: "curl_easy_setopt(\(name))", code: code)
        }
    }

    /// A duration in whole milliseconds, rounded up and at least 1, since libcurl reads 0 as "no timeout".
    private static func milliseconds(_ duration: Duration) -> Int {
        max(1, Int(duration.milliseconds.rounded(.up)))
    }
}

@available(*, unavailable)
extension CurlEasy: Sendable {}

/// `CURLOPT_WRITEFUNCTION`: hands each chunk of the body to the ``ResponseSink`` in `CURLOPT_WRITEDATA`.
///
/// Returning fewer bytes than given makes libcurl stop the transfer with `CURLE_WRITE_ERROR`.
private let writeBody: curl_write_callback = { buffer, size, count, context in
    guard let buffer, let context else {
        return 0
    }
    let sink = Unmanaged<ResponseSink>.fromOpaque(context).takeUnretainedValue()
    let length = size * count
    return sink.append(UnsafeRawBufferPointer(start: buffer, count: length)) ? length : 0
}
