internal import SecureTransport
internal import Synchronization

/// What the sandbox's own TLS client trusts when it posts status callbacks to `https` URLs:
/// the system's store, plus ``TwilioSandbox/Configuration/additionalTrustedCertificatesPath``
/// each trusted by itself.
///
/// Without additional certificates the context is made on the first `https` delivery, so a
/// sandbox that only calls `http` URLs never loads the system's store.
final class CallbackTrust: Sendable {
    private let context: Mutex<TLSClientContext?>

    /// Loads the additional certificates now, when there are any.
    ///
    /// - Throws: ``TLSError`` naming a file that cannot be read or holds no certificate.
    init(additionalTrustedCertificatesPath: String?) throws(TLSError) {
        guard let additionalTrustedCertificatesPath else {
            context = Mutex(nil)
            return
        }
        context = Mutex(try TLSClientContext(additionalTrustedCertificatesPath: additionalTrustedCertificatesPath))
    }

    /// The client context, made now if it was not yet.
    ///
    /// - Throws: ``TLSError`` when the system's store cannot be loaded.
    func clientContext() throws(TLSError) -> TLSClientContext {
        try context.withLock { (context) throws(TLSError) -> TLSClientContext in
            if let context {
                return context
            }
            let made = try TLSClientContext()
            context = made
            return made
        }
    }
}
