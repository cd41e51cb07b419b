/// Where Twilio calls an application about a Messaging Service: its inbound request URL and
/// its status callback.
public struct SandboxServiceWebhooks: Sendable, Hashable {
    /// `InboundRequestUrl`: where inbound messages to the service's senders are posted; it
    /// wins over the numbers' own `SmsUrl`, as with Twilio's "send a webhook" integration.
    public var inboundRequestURL: String?
    /// `InboundMethod`: `POST` or `GET`.
    public var inboundMethod: String
    /// `StatusCallback`: the status callback of messages sent through the service that give
    /// none of their own.
    public var statusCallback: String?

    /// Creates the settings; `nil` URLs are not called.
    public init(inboundRequestURL: String? = nil, inboundMethod: String = "POST", statusCallback: String? = nil) {
        self.inboundRequestURL = inboundRequestURL
        self.inboundMethod = inboundMethod
        self.statusCallback = statusCallback
    }
}
