internal import SecureTransport

/// Receives what a ``FramedSocket`` reads and how it ends, always on the socket's queue.
protocol FramedSocketDelegate: AnyObject {
    /// The decoder produced an event from the peer's bytes.
    func framedSocket(_ socket: FramedSocket, didReceive event: FrameDecoder.Event)

    /// The peer's bytes broke the format; no more events follow. The delegate decides
    /// whether to answer (with a GOAWAY) before closing.
    func framedSocket(_ socket: FramedSocket, didFailDecoding error: FramingError)

    /// The peer closed its sending side. `truncation` says what was cut off, if the input
    /// ended inside a frame. No more events follow.
    func framedSocket(_ socket: FramedSocket, didReachEndOfInput truncation: FramingError?)

    /// The TLS handshake failed or a record did not decrypt; no more events follow, and the
    /// socket closes right after this call.
    func framedSocket(_ socket: FramedSocket, didFailTLS error: TLSError)

    /// The bytes waiting to be written fell below the low watermark after being above the
    /// high one.
    func framedSocketDidDrain(_ socket: FramedSocket)

    /// The socket is closed: by ``FramedSocket/close(error:)``, after a flush, or because a
    /// read or write failed (`error` then says which). Called exactly once, last.
    func framedSocket(_ socket: FramedSocket, didCloseWith error: SystemCallError?)
}
