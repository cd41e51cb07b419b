/// A TwiML document a sandbox call ran: given inline, or fetched from the call's URL the way
/// Twilio fetches it (with the call's parameters, signed).
public struct SandboxTwiMLDocument: Sendable, Hashable {
    /// The URL it was fetched from, or `nil` for inline TwiML.
    public var url: String?
    /// How it was fetched, `GET` or `POST`; `nil` for inline TwiML.
    public var method: String?
    /// The HTTP status of the fetch, or `nil` for inline TwiML and failed connections.
    public var httpStatus: Int?
    /// The `Content-Type` the application answered with, if any.
    public var contentType: String?
    /// The document's text: the inline TwiML, or the fetched body.
    public var text: String
    /// Twilio's error code when the fetch failed: 11200 for an answer that is not 2xx, 11205
    /// when no answer came; the call then hangs up, as Twilio's does after its error message.
    public var errorCode: Int?
    /// What went wrong with the fetch, if anything.
    public var errorMessage: String?
    /// When the document was recorded, in seconds since 1970.
    public var recordedAt: Double
}

extension SandboxTwiMLDocument {
    /// A document given inline.
    init(text: String, recordedAt: Double) {
        self.init(
            url: nil,
            method: nil,
            httpStatus: nil,
            contentType: nil,
            text: text,
            errorCode: nil,
            errorMessage: nil,
            recordedAt: recordedAt
        )
    }
}
