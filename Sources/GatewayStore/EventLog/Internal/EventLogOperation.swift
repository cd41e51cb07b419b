/// A write waiting in the queue of ``EventLogWriter``, with the callback that receives its
/// result once the transaction holding it has committed (or failed).
enum EventLogOperation: Sendable {
    /// Appends an event, or finds the earlier one with its dedupe key.
    case append(GatewayEvent, @Sendable (Result<EventAppendResult, EventLogError>) -> Void)
    /// Moves a consumer's acknowledged offset forward.
    case acknowledge(consumer: String, offset: Int64, @Sendable (Result<Int64, EventLogError>) -> Void)

    /// Hands `error` to the operation's callback.
    func fail(_ error: EventLogError) {
        switch self {
        case .append(_, let completion): completion(.failure(error))
        case .acknowledge(_, _, let completion): completion(.failure(error))
        }
    }
}
