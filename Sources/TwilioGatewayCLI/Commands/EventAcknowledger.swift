internal import GatewayAPI
internal import GatewayClient
internal import RPCCore

/// Acknowledges what `events --follow --consumer` printed, without holding the stream up.
///
/// One AckEvents call is in flight at a time. Offsets printed meanwhile replace each other, and
/// the newest goes in the next call; so acks are batched by however many events arrive during
/// one round trip, and the acknowledged offset trails the printed one by at most that much.
/// ``finish()`` sends the last offset and waits for it, so a clean exit leaves nothing printed
/// unacknowledged.
final class EventAcknowledger: Sendable {
    private let offsets: AsyncStream<Int64>.Continuation
    private let sending: Task<RPCError?, Never>

    /// Starts acknowledging for `consumer` through `client`.
    init(client: GatewayClient, consumer: String) {
        let (stream, continuation) = AsyncStream.makeStream(of: Int64.self, bufferingPolicy: .bufferingNewest(1))
        offsets = continuation
        sending = Task {
            var failure: RPCError?
            for await offset in stream {
                do {
                    _ = try await client.ackEvents(consumer: consumer, offset: offset)
                    failure = nil
                } catch let error as RPCError {
                    failure = error
                } catch {
                    failure = RPCError(code: .unknown, message: "acknowledging offset \(offset) failed: \(error)")
                }
            }
            return failure
        }
    }

    /// Acknowledges every event up to `offset`, soon.
    func acknowledge(_ offset: Int64) {
        offsets.yield(offset)
    }

    /// Sends the newest offset not acknowledged yet and waits for every call to end.
    ///
    /// - Returns: The error of the last call, if it failed.
    func finish() async -> RPCError? {
        offsets.finish()
        return await sending.value
    }
}
