import Testing

@testable import HTTPServer

@Suite("StreamBuffer")
struct StreamBufferTests {
    /// A buffer and the steps taken on it, so each step is recorded before it is checked.
    private struct Script {
        var buffer: StreamBuffer

        init(capacity: Int) {
            buffer = StreamBuffer(capacity: capacity)
        }

        mutating func write(_ bytes: [UInt8]) -> StreamBuffer.WriteStep {
            buffer.write(bytes)
        }

        /// Reads once into a buffer of `size` bytes: the step and the bytes copied.
        mutating func read(size: Int = 64) -> (StreamBuffer.ReadStep, [UInt8]) {
            var bytes = [UInt8](repeating: 0, count: size)
            let step = bytes.withUnsafeMutableBytes { buffer.read(into: $0) }
            if case .bytes(let count) = step {
                return (step, Array(bytes[..<count]))
            }
            return (step, [])
        }
    }

    @Test("takes whole writes until it holds its capacity, then says it is full")
    func capacity() {
        var script = Script(capacity: 4)
        let steps = [script.write([1, 2, 3]), script.write([4, 5, 6]), script.write([7])]

        #expect(steps == [.written(resume: false), .written(resume: false), .full])
        #expect(script.buffer.bufferedCount == 6)
        #expect(!script.buffer.hasRoomOrIsOver)
    }

    @Test("hands bytes out in order, no more than the reader asks for, and has room again")
    func readsInOrder() {
        var script = Script(capacity: 2)
        _ = script.write([1, 2, 3, 4, 5])

        let first = script.read(size: 2)
        let fullAfterFirst = !script.buffer.hasRoomOrIsOver
        let second = script.read(size: 2)
        let roomAfterSecond = script.buffer.hasRoomOrIsOver
        let write = script.write([6])
        let third = script.read()

        #expect(first == (.bytes(2), [1, 2]))
        #expect(fullAfterFirst)
        #expect(second == (.bytes(2), [3, 4]))
        #expect(roomAfterSecond)
        #expect(write == .written(resume: false))
        #expect(third == (.bytes(2), [5, 6]))
    }

    @Test("suspends when empty, and the next write alone resumes")
    func suspendAndResume() {
        var script = Script(capacity: 16)

        let empty = script.read()
        let suspended = script.buffer.suspended
        let writes = [script.write([1]), script.write([2])]
        let read = script.read()

        #expect(empty.0 == .suspend)
        #expect(suspended)
        #expect(writes == [.written(resume: true), .written(resume: false)])
        #expect(read == (.bytes(2), [1, 2]))
    }

    @Test("after the producer returns, sends what is left, then the end")
    func producerReturns() {
        var script = Script(capacity: 16)
        _ = script.write([1, 2])

        let resume = script.buffer.finishProducing(failed: false)
        let late = script.write([3])
        let reads = [script.read(), script.read()]

        #expect(!resume)
        #expect(late == .closed)
        #expect(reads[0] == (.bytes(2), [1, 2]))
        #expect(reads[1].0 == .endOfStream)
    }

    @Test("after the producer fails, sends what is left, then closes the connection")
    func producerFails() {
        var script = Script(capacity: 16)
        _ = script.write([1])
        _ = script.buffer.finishProducing(failed: true)

        let reads = [script.read(), script.read()]

        #expect(reads[0] == (.bytes(1), [1]))
        #expect(reads[1].0 == .endWithError)
    }

    @Test("ending or closing a suspended body resumes it once")
    func endingResumes() {
        var ended = Script(capacity: 16)
        _ = ended.read()
        let endings = [ended.buffer.end(), ended.buffer.end()]
        let afterEnd = ended.read()

        var closed = Script(capacity: 16)
        _ = closed.read()
        let closings = [closed.buffer.close(), closed.buffer.close()]
        let afterClose = closed.read()

        #expect(endings == [true, false])
        #expect(afterEnd.0 == .endOfStream)
        #expect(closings == [true, false])
        #expect(afterClose.0 == .endWithError)
    }

    @Test("a closed body drops what it held and takes no more")
    func closeDrops() {
        var script = Script(capacity: 4)
        _ = script.write([1, 2, 3, 4])

        let resume = script.buffer.close()
        let held = script.buffer.bufferedCount
        let room = script.buffer.hasRoomOrIsOver
        let late = script.write([5])
        let read = script.read()

        #expect(!resume)
        #expect(held == 0)
        #expect(room)
        #expect(late == .closed)
        #expect(read.0 == .endWithError)
    }
}
