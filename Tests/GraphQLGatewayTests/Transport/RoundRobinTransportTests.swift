import GraphQLGateway
import RPCCore
import Synchronization
import Testing

@Suite("Round-robin transport")
struct RoundRobinTransportTests {
    /// Answers every call with its own number, or fails every call.
    final class NumberedTransport: RPCClientTransport {
        let number: UInt8
        let fails: Bool
        private let count = Mutex(0)

        init(_ number: UInt8, fails: Bool = false) {
            self.number = number
            self.fails = fails
        }

        var calls: Int {
            count.withLock { $0 }
        }

        func unary(_ method: RPCMethod, request: [UInt8], options: RPCCallOptions) async throws -> [UInt8] {
            count.withLock { $0 += 1 }
            if fails {
                throw RPCError(code: .unavailable, message: "upstream \(number) is down")
            }
            return [number]
        }

        func serverStreaming(
            _ method: RPCMethod,
            request: [UInt8],
            options: RPCCallOptions
        ) -> AsyncThrowingStream<[UInt8], any Error> {
            count.withLock { $0 += 1 }
            return AsyncThrowingStream { continuation in
                continuation.yield([number])
                continuation.finish()
            }
        }
    }

    static let method = RPCMethod(service: "twilio.gateway.v1.Messaging", name: "SendSms")

    @Test("calls go to each transport in turn")
    func inTurn() async throws {
        let transports = [NumberedTransport(0), NumberedTransport(1), NumberedTransport(2)]
        let roundRobin = RoundRobinTransport(transports)

        var answers: [UInt8] = []
        for _ in 0..<7 {
            answers += try await roundRobin.unary(Self.method, request: [], options: RPCCallOptions())
        }
        for try await message in roundRobin.serverStreaming(Self.method, request: [], options: RPCCallOptions()) {
            answers += message
        }

        #expect(answers == [0, 1, 2, 0, 1, 2, 0, 1])
        #expect(transports.map(\.calls) == [3, 3, 2])
    }

    @Test("a failed call is not sent again to another transport")
    func noFailover() async throws {
        let down = NumberedTransport(0, fails: true)
        let up = NumberedTransport(1)
        let roundRobin = RoundRobinTransport([down, up])

        let error = try await #require(throws: RPCError.self) {
            try await roundRobin.unary(Self.method, request: [], options: RPCCallOptions())
        }

        #expect(error.code == .unavailable)
        #expect(up.calls == 0)
        #expect(try await roundRobin.unary(Self.method, request: [], options: RPCCallOptions()) == [1])
    }
}
