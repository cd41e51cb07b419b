public import GatewayAPI
internal import Synchronization

/// The serving status of each service, shared by the Health RPCs and the HTTP probes.
///
/// Watchers get the current status at once and every change after it, newest last; a watcher
/// that falls behind only ever misses intermediate statuses, never the latest one.
public final class HealthStatusBoard: Sendable {
    private struct State {
        var statuses: [String: HealthCheckResponse.ServingStatus]
        var watchers: [Int: Watcher] = [:]
        var nextWatcherID = 0
    }

    private struct Watcher {
        var service: String
        var continuation: AsyncStream<HealthCheckResponse.ServingStatus>.Continuation
    }

    private let state: Mutex<State>

    /// Creates a board where the gateway as a whole (`""`) and each of `services` serve.
    public init(services: [String]) {
        var statuses: [String: HealthCheckResponse.ServingStatus] = ["": .serving]
        for service in services {
            statuses[service] = .serving
        }
        state = Mutex(State(statuses: statuses))
    }

    /// The status of `service`, or `nil` when the gateway has no such service.
    public func status(of service: String) -> HealthCheckResponse.ServingStatus? {
        state.withLock { $0.statuses[service] }
    }

    /// Sets every known service, and the gateway as a whole, to `status`.
    public func setAll(_ status: HealthCheckResponse.ServingStatus) {
        let updates = state.withLock { state -> [(Watcher, HealthCheckResponse.ServingStatus)] in
            for service in state.statuses.keys {
                state.statuses[service] = status
            }
            return state.watchers.values.map { ($0, status) }
        }
        for (watcher, status) in updates {
            watcher.continuation.yield(status)
        }
    }

    /// Streams the status of `service`: now, then at each change. An unknown service reports
    /// ``GatewayAPI/HealthCheckResponse/ServingStatus/serviceUnknown``.
    public func watch(_ service: String) -> AsyncStream<HealthCheckResponse.ServingStatus> {
        let (stream, continuation) = AsyncStream.makeStream(
            of: HealthCheckResponse.ServingStatus.self,
            bufferingPolicy: .bufferingNewest(1)
        )
        let (id, current) = state.withLock { state in
            let id = state.nextWatcherID
            state.nextWatcherID += 1
            state.watchers[id] = Watcher(service: service, continuation: continuation)
            return (id, state.statuses[service] ?? .serviceUnknown)
        }
        continuation.yield(current)
        continuation.onTermination = { [weak self] _ in
            _ = self?.state.withLock { $0.watchers.removeValue(forKey: id) }
        }
        return stream
    }
}
