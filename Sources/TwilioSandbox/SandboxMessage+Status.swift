extension SandboxMessage {
    /// A message status (`message_enum_status`), such as `queued` or `delivered`.
    ///
    /// Outbound messages created through the API start `queued`, or `accepted` when sent
    /// through a Messaging Service. On the way to the handset they move
    /// `accepted` → `queued` → `sending` → `sent` → `delivered` (see ``nextOnDelivery``);
    /// `undelivered`, `failed`, `read` and `canceled` end that path early or late.
    public struct Status: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        /// The status as Twilio spells it.
        public var rawValue: String

        /// Creates a status from Twilio's spelling.
        ///
        /// - Parameter rawValue: The status, such as `sent`.
        public init(rawValue: String) {
            self.rawValue = rawValue
        }

        /// The status as Twilio spells it.
        public var description: String {
            rawValue
        }

        /// Received through a Messaging Service; no sender chosen yet.
        public static let accepted = Status(rawValue: "accepted")
        /// Waiting for its `SendAt` time.
        public static let scheduled = Status(rawValue: "scheduled")
        /// Waiting to be sent.
        public static let queued = Status(rawValue: "queued")
        /// Being handed to the carrier.
        public static let sending = Status(rawValue: "sending")
        /// Accepted by the carrier.
        public static let sent = Status(rawValue: "sent")
        /// Confirmed delivered by the carrier.
        public static let delivered = Status(rawValue: "delivered")
        /// Reported not delivered by the carrier.
        public static let undelivered = Status(rawValue: "undelivered")
        /// Never sent.
        public static let failed = Status(rawValue: "failed")
        /// Read by the recipient (WhatsApp).
        public static let read = Status(rawValue: "read")
        /// A scheduled message that was canceled.
        public static let canceled = Status(rawValue: "canceled")
        /// An inbound message being received.
        public static let receiving = Status(rawValue: "receiving")
        /// An inbound message fully received.
        public static let received = Status(rawValue: "received")

        /// The status that follows on a successful delivery, or `nil` from `delivered` and from
        /// every status off that path.
        public var nextOnDelivery: Status? {
            switch self {
            case .accepted: .queued
            case .queued: .sending
            case .sending: .sent
            case .sent: .delivered
            default: nil
            }
        }

        /// Whether no further change can happen.
        public var isFinal: Bool {
            [.delivered, .undelivered, .failed, .read, .canceled, .received].contains(self)
        }
    }
}
