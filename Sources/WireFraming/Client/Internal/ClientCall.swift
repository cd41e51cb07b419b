internal import RPCCore

/// One call made through a ``ClientChannel``, from the caller's request to its outcome.
final class ClientCall: @unchecked Sendable {
    // @unchecked Sendable: the caller's task and cancellation handler hold references, but
    // every mutable field is touched only on the channel's queue.

    enum Stage {
        /// Not handed to the channel yet; moves to `waiting`, `sent` or `ended`.
        case new
        /// Waiting for the handshake to finish; moves to `sent` or `ended`.
        case waiting
        /// HEADERS and the request went out; moves to `ended`.
        case sent
        /// The outcome is known. Final.
        case ended
    }

    let path: String
    let request: [UInt8]
    let metadata: RPCMetadata
    let deadline: ContinuousClock.Instant?
    let isStreaming: Bool

    var stage = Stage.new
    var streamID: UInt32 = 0
    /// A failure that came before the call reached the channel, such as a cancellation.
    var earlyFailure: (any Error)?
    /// How the call ended, once it has.
    var outcome: Result<Void, any Error>?

    var unaryWaiter: CheckedContinuation<[UInt8], any Error>?
    var response: [UInt8]?

    var streamWaiter: CheckedContinuation<[UInt8]?, any Error>?
    var messages: [[UInt8]] = []
    var nextMessage = 0
    var bufferedBytes = 0

    init(path: String, request: [UInt8], metadata: RPCMetadata, deadline: ContinuousClock.Instant?, isStreaming: Bool) {
        self.path = path
        self.request = request
        self.metadata = metadata
        self.deadline = deadline
        self.isStreaming = isStreaming
    }

    /// Takes the oldest buffered response, if any.
    func popMessage() -> [UInt8]? {
        guard nextMessage < messages.count else {
            return nil
        }
        let message = messages[nextMessage]
        nextMessage += 1
        bufferedBytes -= message.count
        if nextMessage == messages.count {
            messages.removeAll(keepingCapacity: true)
            nextMessage = 0
        }
        return message
    }

    /// Drops every buffered response, returning how many bytes they held.
    func dropMessages() -> Int {
        let dropped = bufferedBytes
        messages.removeAll()
        nextMessage = 0
        bufferedBytes = 0
        return dropped
    }
}

/// Thrown inside the client when a channel refused a call it never sent because it is going
/// away; the call is tried again on a fresh connection.
struct ChannelRetired: Error {}
