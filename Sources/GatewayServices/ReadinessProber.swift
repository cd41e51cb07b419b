public import ServiceSupport
internal import Synchronization

/// Probes what the gateway depends on (Twilio, or the sandbox) at a fixed interval and keeps
/// the last result for `GET /readyz`.
///
/// ```swift
/// let prober = ReadinessProber(interval: .seconds(15), logger: logger, check: .twilio(client, timeout: .seconds(5)))
/// let probing = Task { await prober.run() }   // first probe at once
/// // prober.status.isReady …
/// probing.cancel()
/// ```
///
/// A change of readiness is logged once (`gateway.readiness.changed`: notice when it becomes
/// ready, warning when it stops), not every probe. Every method may be called from any thread.
public final class ReadinessProber: Sendable {
    /// How often ``run()`` probes.
    public let interval: Duration
    private let check: @Sendable () async -> ReadinessCheck
    private let logger: Logger
    private let wallClock: @Sendable () -> Double
    private let observer: (@Sendable (ReadinessStatus) -> Void)?
    private let latest = Mutex(ReadinessStatus.notProbed)

    /// Creates a prober; nothing is probed until ``probe()`` or ``run()``.
    ///
    /// - Parameters:
    ///   - interval: The time between two probes of ``run()``; positive.
    ///   - logger: Receives a line when readiness changes.
    ///   - wallClock: Seconds since 1970, for ``ReadinessStatus/checkedAt``.
    ///   - observer: Told each new status, on the probing task; it must be quick.
    ///   - check: Makes one probe, such as ``ReadinessCheck/twilio(_:timeout:)``; it must return
    ///     within a bounded time.
    public init(
        interval: Duration,
        logger: Logger = .disabled,
        wallClock: @escaping @Sendable () -> Double = { Timestamp.now() },
        observer: (@Sendable (ReadinessStatus) -> Void)? = nil,
        check: @escaping @Sendable () async -> ReadinessCheck
    ) {
        precondition(interval > .zero, "a readiness interval must be positive")
        self.interval = interval
        self.check = check
        self.logger = logger
        self.wallClock = wallClock
        self.observer = observer
    }

    /// The result of the last probe, or ``ReadinessStatus/notProbed`` before the first.
    public var status: ReadinessStatus {
        latest.withLock { $0 }
    }

    /// Probes once now and records the result; a probe whose task is cancelled meanwhile
    /// records nothing.
    ///
    /// - Returns: The status after the probe.
    @discardableResult
    public func probe() async -> ReadinessStatus {
        let started = ContinuousClock.now
        let result = await check()
        guard !Task.isCancelled else {
            return status
        }
        let next = ReadinessStatus(check: result, checkedAt: wallClock(), probeDuration: .now - started)
        let previous = latest.withLock { latest in
            defer { latest = next }
            return latest
        }

        if previous.check?.isReady != result.isReady {
            logger.log(
                result.isReady ? .notice : .warning,
                "gateway.readiness.changed",
                ["readiness.ready": String(result.isReady), "readiness.detail": result.detail]
            )
        }
        observer?(next)
        return next
    }

    /// Probes at once, then every ``interval``, until the calling task is cancelled.
    public func run() async {
        while !Task.isCancelled {
            await probe()
            do {
                try await Task.sleep(for: interval)
            } catch {
                return
            }
        }
    }
}
