import Dispatch
import RPCCore
import ServiceSupport
import Synchronization
import Testing

@testable import RPCCore

@Suite("Deadlines far away")
struct DeadlineTimerTests {
    @Test(
        "a wait too long for Dispatch saturates to distantFuture instead of overflowing",
        arguments: [Duration.seconds(1e12), .seconds(Int64.max), .seconds(5e9)]
    )
    func saturates(wait: Duration) {
        #expect(DeadlineTimer.dispatchTime(after: wait) == .distantFuture)
    }

    @Test("a wait that is not positive is now; a short one is that far from now")
    func shortWaits() {
        let before = DispatchTime.now()
        #expect(DeadlineTimer.dispatchTime(after: .seconds(-5)) >= before)
        #expect(DeadlineTimer.dispatchTime(after: .zero) <= .now())
        let inAMinute = DeadlineTimer.dispatchTime(after: .seconds(60)).uptimeNanoseconds - before.uptimeNanoseconds
        #expect(inAMinute >= 60_000_000_000 && inAMinute < 61_000_000_000)
    }

    @Test("a timer for a deadline a trillion seconds away is set without fault and does not fire")
    func farTimer() async throws {
        let far = Flag()
        let near = Flag()
        let farTimer = DeadlineTimer(deadline: .now + .seconds(1e12)) { far.raise() }
        _ = DeadlineTimer(deadline: .now + .milliseconds(10)) { near.raise() }
        try await Task.sleep(for: .milliseconds(100))
        farTimer.cancel()
        #expect(near.isRaised)
        #expect(!far.isRaised)
    }

    @Test(
        "a call with a timeout far beyond the clock's reach runs to its end",
        arguments: [Duration.seconds(1e12), .seconds(Int64.max)]
    )
    func farTimeout(timeout: Duration) async throws {
        let method = RPCMethod(service: "test.Echo", name: "Echo")
        var router = RPCRouter()
        router.register(
            method,
            .unary { request, context in
                #expect(context.deadline.map { $0 > .now + .seconds(86_400 * 365 * 99) } == true)
                return request
            }
        )
        let transport = InProcessTransport(dispatcher: RPCDispatcher(router: router, logger: .disabled))
        let response = try await transport.unary(method, request: [1, 2], options: RPCCallOptions(timeout: timeout))
        #expect(response == [1, 2])
    }
}

/// A flag set once from any thread.
private final class Flag: Sendable {
    private let value = Mutex(false)

    var isRaised: Bool { value.withLock { $0 } }

    func raise() {
        value.withLock { $0 = true }
    }
}
