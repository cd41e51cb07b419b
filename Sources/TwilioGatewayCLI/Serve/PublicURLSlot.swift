internal import Synchronization
internal import WebhookIntake

/// The gateway's public URL, once known: at start from `GATEWAY_PUBLIC_URL`, or in sandbox mode
/// once the HTTP port listens. The webhook intake checks signatures against it, and sends and
/// calls get its `/webhooks/twilio/status` as their `StatusCallback`.
final class PublicURLSlot: Sendable {
    private let value: Mutex<WebhookBaseURL?>

    init(_ initial: WebhookBaseURL?) {
        value = Mutex(initial)
    }

    /// The URL, or `nil` while unknown.
    var current: WebhookBaseURL? {
        value.withLock { $0 }
    }

    /// Sets the URL when none is set yet; returns the URL in use.
    @discardableResult
    func setIfUnset(_ url: WebhookBaseURL) -> WebhookBaseURL {
        value.withLock { current in
            if let current {
                return current
            }
            current = url
            return url
        }
    }

    /// The status callback URL for sends and calls that give none, or `nil` while unknown.
    var statusCallback: String? {
        current?.url(of: .status)
    }
}
