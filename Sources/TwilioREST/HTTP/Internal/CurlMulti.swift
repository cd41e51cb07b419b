internal import CCurl

/// A libcurl multi handle: runs many transfers at once and keeps their connections for reuse.
///
/// - Important: Only the engine thread may call anything but ``wakeup()``. libcurl documents
///   `curl_multi_wakeup` as safe to call from any thread while another polls; every other call
///   needs the multi handle to itself. That split is why this class is `@unchecked Sendable`.
///   `deinit` calls `curl_multi_cleanup`; every easy handle must have been removed by then.
final class CurlMulti: @unchecked Sendable {
    private let handle: UnsafeMutableRawPointer

    /// Makes a multi handle.
    ///
    /// - Parameter maximumConnectionsPerHost: The most connections open to one host; transfers
    ///   beyond that wait for a connection to be free.
    /// - Throws: ``TwilioTransportError`` when libcurl cannot be initialised or refuses an option.
    init(maximumConnectionsPerHost: Int) throws(TwilioTransportError) {
        try CurlGlobal.initialize()
        guard let handle = curl_multi_init() else {
            throw TwilioTransportError(kind: .setupFailed, message: "curl_multi_init returned NULL (out of memory?)")
        }
        self.handle = handle

        let limit = max(1, maximumConnectionsPerHost)
        try set(CURLMOPT_MAX_HOST_CONNECTIONS, "CURLMOPT_MAX_HOST_CONNECTIONS", limit)
        // The cache must hold at least the per-host limit, or idle connections are closed early.
        try set(CURLMOPT_MAXCONNECTS, "CURLMOPT_MAXCONNECTS", limit * 2)
    }

    deinit {
        curl_multi_cleanup(handle)
    }

    /// Starts running `easy`'s transfer.
    func add(_ easy: CurlEasy) throws(TwilioTransportError) {
        // Possible failures: CURLM_ADDED_ALREADY, CURLM_RECURSIVE_API_CALL, CURLM_OUT_OF_MEMORY.
        let code = curl_multi_add_handle(handle, easy.handle)
        guard code == CURLM_OK else {
            throw TwilioTransportError(multiCall: "curl_multi_add_handle", code: code)
        }
    }

    /// Stops `easy`'s transfer, finished or not; its connection is closed if the transfer was midway.
    func remove(_ easy: CurlEasy) {
        let code = curl_multi_remove_handle(handle, easy.handle)
        // Only a handle that is not an easy handle, or a call from inside a callback, can fail.
        precondition(code == CURLM_OK, "curl_multi_remove_handle failed: \(String(cString: curl_multi_strerror(code)))")
    }

    /// Moves every transfer forward as far as it can go without blocking.
    func perform() throws(TwilioTransportError) {
        var running: Int32 = 0
        // Possible failures: CURLM_OUT_OF_MEMORY, CURLM_INTERNAL_ERROR; the transfers are then unusable.
        let code = curl_multi_perform(handle, &running)
        guard code == CURLM_OK else {
            throw TwilioTransportError(multiCall: "curl_multi_perform", code: code)
        }
    }

    /// The transfers that finished since the last call, with each one's result.
    func finishedTransfers() -> [(handle: UnsafeMutableRawPointer, result: CURLcode)] {
        var finished: [(handle: UnsafeMutableRawPointer, result: CURLcode)] = []
        var remaining: Int32 = 0
        while let message = curl_multi_info_read(handle, &remaining) {
            if message.pointee.msg == CURLMSG_DONE, let easy = message.pointee.easy_handle {
                finished.append((easy, message.pointee.data.result))
            }
        }
        return finished
    }

    /// Waits until a transfer's socket is ready, libcurl's next timer is due, ``wakeup()`` is
    /// called, or `timeoutMilliseconds` pass.
    func poll(timeoutMilliseconds: Int32) throws(TwilioTransportError) {
        // Possible failures: CURLM_OUT_OF_MEMORY, CURLM_INTERNAL_ERROR, CURLM_UNRECOVERABLE_POLL.
        let code = curl_multi_poll(handle, nil, 0, timeoutMilliseconds, nil)
        guard code == CURLM_OK else {
            throw TwilioTransportError(multiCall: "curl_multi_poll", code: code)
        }
    }

    /// Ends a ``poll(timeoutMilliseconds:)`` under way, or makes the next one return at once.
    ///
    /// Safe from any thread.
    /// - Returns: `nil`, or the error when the wakeup could not be signalled; the loop then still
    ///   notices new work at its next poll timeout.
    func wakeup() -> TwilioTransportError? {
        let code = curl_multi_wakeup(handle)
        return code == CURLM_OK ? nil : TwilioTransportError(multiCall: "curl_multi_wakeup", code: code)
    }

    private func set(_ option: CURLMoption, _ name: String, _ value: Int) throws(TwilioTransportError) {
        let code = CCurl_multi_setopt_long(handle, option, value)
        guard code == CURLM_OK else {
            throw TwilioTransportError(multiCall: "curl_multi_setopt(\(name))", code: code)
        }
    }
}
