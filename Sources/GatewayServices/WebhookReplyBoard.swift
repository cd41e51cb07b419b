internal import Synchronization

/// Where a webhook request that Twilio holds open waits for the TwiML a consumer sends back.
///
/// The voice webhook publishes an inbound call and then calls ``awaitReply(for:within:)``;
/// a consumer that saw the event answers with ``reply(to:twiml:)`` (the RespondToCall and
/// ReplyToMessage RPCs). The first reply wins; when none comes within the window, the waiting
/// request gets `nil` and answers Twilio with its default TwiML, and a later reply is refused.
///
/// ```swift
/// let twiml = await board.awaitReply(for: callSID, within: .seconds(5)) ?? defaultTwiML
/// ```
public final class WebhookReplyBoard: Sendable {
    /// Why a reply was not delivered.
    public enum ReplyError: Error, Equatable, Sendable {
        /// No webhook request waits for this SID: it was never seen, was already answered,
        /// or its window closed.
        case notWaiting(sid: String)
    }

    private struct Waiter {
        var id: Int
        var continuation: CheckedContinuation<String?, Never>
        var timeout: Task<Void, Never>

        func finish(with twiml: String?) {
            timeout.cancel()
            continuation.resume(returning: twiml)
        }
    }

    private struct State {
        var waiters: [String: Waiter] = [:]
        var nextID = 0
    }

    private let state = Mutex(State())

    /// Creates an empty board.
    public init() {}

    /// The SIDs that wait for a reply now.
    public var waitingSIDs: [String] {
        state.withLock { Array($0.waiters.keys).sorted() }
    }

    /// Waits until a consumer replies for `sid` or `window` passes.
    ///
    /// A second wait for the same SID (Twilio retrying the webhook) takes over: the earlier
    /// waiter gets `nil` at once.
    ///
    /// - Parameters:
    ///   - sid: The call or message SID of the webhook.
    ///   - window: How long to wait; keep it well inside Twilio's 15-second webhook timeout.
    /// - Returns: The consumer's TwiML, or `nil` when none came in time or the task was cancelled.
    public func awaitReply(for sid: String, within window: Duration) async -> String? {
        let id = state.withLock { state -> Int in
            defer { state.nextID += 1 }
            return state.nextID
        }
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let timeout = Task {
                    try? await Task.sleep(for: window)
                    self.resume(sid: sid, id: id, with: nil)
                }
                let replaced = state.withLock { state -> Waiter? in
                    let earlier = state.waiters[sid]
                    state.waiters[sid] = Waiter(id: id, continuation: continuation, timeout: timeout)
                    return earlier
                }
                replaced?.finish(with: nil)
                if Task.isCancelled {
                    resume(sid: sid, id: id, with: nil)
                }
            }
        } onCancel: {
            resume(sid: sid, id: id, with: nil)
        }
    }

    /// Hands `twiml` to the webhook request waiting for `sid`.
    ///
    /// - Throws: ``ReplyError/notWaiting(sid:)`` when no request waits for `sid`.
    public func reply(to sid: String, twiml: String) throws(ReplyError) {
        guard let waiter = state.withLock({ $0.waiters.removeValue(forKey: sid) }) else {
            throw .notWaiting(sid: sid)
        }
        waiter.finish(with: twiml)
    }

    private func resume(sid: String, id: Int, with twiml: String?) {
        let waiter = state.withLock { state -> Waiter? in
            guard let waiter = state.waiters[sid], waiter.id == id else {
                return nil
            }
            state.waiters[sid] = nil
            return waiter
        }
        waiter?.finish(with: twiml)
    }
}
