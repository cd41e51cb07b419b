internal import CMicroHTTPD
internal import Glibc

/// The `@convention(c)` functions handed to libmicrohttpd.
///
/// They live as static members of a nonisolated type: a closure written in main-actor code
/// would trap on the runtime's isolation check when libmicrohttpd calls it from its threads.
/// Each one captures nothing and finds its ``ServerCore`` through `cls` and its
/// ``RequestContext`` through `con_cls`.
enum MHDCallbacks {
    /// Called once per request with the raw request target; creates the request's context.
    static let uriLog: CMicroHTTPD_URILogCallback = { cls, uri, _ in
        guard let cls else {
            return nil
        }
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        let context = RequestContext(rawTarget: uri.map { String(cString: $0) } ?? "")
        core.requestStarted()
        // Balanced by takeRetainedValue in `completed`, which libmicrohttpd calls for every
        // request the URI log callback has seen.
        return Unmanaged.passRetained(context).toOpaque()
    }

    /// Called for the head, for each body chunk, when the body is complete, and after a resume.
    static let access: MHD_AccessHandlerCallback = { cls, connection, url, method, _, uploadData, uploadSize, conCls in
        guard let cls, let connection, let uploadSize, let contextPointer = conCls?.pointee else {
            return .NO
        }
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        let context = Unmanaged<RequestContext>.fromOpaque(contextPointer).takeUnretainedValue()
        let chunk = UnsafeRawBufferPointer(start: uploadData, count: uploadData == nil ? 0 : uploadSize.pointee)
        let step = core.access(
            context,
            connection: connection,
            path: url.map { String(cString: $0) } ?? "",
            method: method.map { String(cString: $0) } ?? "",
            chunk: chunk
        )
        if uploadData != nil {
            uploadSize.pointee = 0
        }
        return step ? .YES : .NO
    }

    /// Called once per request when libmicrohttpd is done with it, however it ended.
    static let completed: MHD_RequestCompletedCallback = { cls, connection, conCls, termination in
        guard let cls, let conCls, let contextPointer = conCls.pointee else {
            return
        }
        conCls.pointee = nil
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        if let connection {
            core.watchdog?.completed(connection)
        }
        let context = Unmanaged<RequestContext>.fromOpaque(contextPointer).takeRetainedValue()
        core.completed(context, outcome: outcomeName(termination))
    }

    /// Called right after accept, before anything is read: refuses every connection once the
    /// server is stopping, and an address over its limit.
    static let acceptPolicy: MHD_AcceptPolicyCallback = { cls, address, _ in
        guard let cls else {
            return .YES
        }
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        guard !core.isStopping else {
            return .NO
        }
        guard let limiter = core.addressLimiter else {
            return .YES
        }
        return limiter.admit(SocketAddress.describe(address).host) ? .YES : .NO
    }

    /// Called when a connection is accepted and when it closes, for the count of open connections.
    static let connection: MHD_NotifyConnectionCallback = { cls, connection, _, notification in
        guard let cls, let connection else {
            return
        }
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        switch notification {
        case .CONNECTION_NOTIFY_STARTED: core.connectionOpened(connection)
        case .CONNECTION_NOTIFY_CLOSED: core.connectionClosed(connection)
        @unknown default: break
        }
    }

    /// Receives libmicrohttpd's own diagnostics, such as a failed bind.
    static let log: CMicroHTTPD_LogCallback = { cls, format, arguments in
        guard let cls, let format, let arguments else {
            return
        }
        let core = Unmanaged<ServerCore>.fromOpaque(cls).takeUnretainedValue()
        var buffer = [CChar](repeating: 0, count: 512)
        guard vsnprintf(&buffer, buffer.count, format, arguments) >= 0 else {
            return
        }
        var message = buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        while message.last == "\n" {
            message.removeLast()
        }
        core.recordDiagnostic(message)
    }

    /// Appends each request header to the `HTTPHeaders` that `cls` points to.
    static let collectHeader: MHD_KeyValueIteratorN = { cls, _, key, keySize, value, valueSize in
        guard let cls, let key else {
            return .YES
        }
        let headers = cls.assumingMemoryBound(to: HTTPHeaders.self)
        let name = String(decoding: UnsafeRawBufferPointer(start: key, count: keySize), as: UTF8.self)
        let text = value.map { String(decoding: UnsafeRawBufferPointer(start: $0, count: valueSize), as: UTF8.self) }
        headers.pointee.add(name: name, value: text ?? "")
        return .YES
    }

    private static func outcomeName(_ code: MHD_RequestTerminationCode) -> String {
        switch code {
        case .REQUEST_TERMINATED_COMPLETED_OK: "completed"
        case .REQUEST_TERMINATED_WITH_ERROR: "error"
        case .REQUEST_TERMINATED_TIMEOUT_REACHED: "timeout"
        case .REQUEST_TERMINATED_DAEMON_SHUTDOWN: "server_shutdown"
        case .REQUEST_TERMINATED_READ_ERROR: "read_error"
        case .REQUEST_TERMINATED_CLIENT_ABORT: "client_abort"
        @unknown default: "unknown"
        }
    }
}
