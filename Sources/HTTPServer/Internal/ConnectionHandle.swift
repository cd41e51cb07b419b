/// A libmicrohttpd connection pointer that may cross threads.
///
/// `@unchecked Sendable` because the pointer itself is just an address; what makes its use
/// safe is where it is used: on the connection's own libmicrohttpd thread inside a callback,
/// or for `MHD_resume_connection` while ``RequestContext`` holds its lock and the connection
/// is known to be suspended (and therefore alive).
struct ConnectionHandle: @unchecked Sendable {
    let pointer: OpaquePointer
}
