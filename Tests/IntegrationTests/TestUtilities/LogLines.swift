internal import Foundation
internal import Synchronization

/// The lines a process writes to a pipe (the gateway's standard error), split as they arrive.
///
/// A thread of its own reads the pipe until end of file, so the last lines of a stopped
/// process are never lost.
final class LogLines: Sendable {
    private struct State {
        var pending: [UInt8] = []
        var lines: [String] = []
        var closed = false
    }

    private let state = Mutex(State())

    /// Starts reading `handle` until end of file.
    func collect(from handle: FileHandle) {
        Thread.detachNewThread { [self] in
            while true {
                let data = handle.availableData
                guard !data.isEmpty else {
                    break
                }
                append(data)
            }
            close()
        }
    }

    private func append(_ data: Data) {
        state.withLock { state in
            state.pending += data
            while let newline = state.pending.firstIndex(of: UInt8(ascii: "\n")) {
                state.lines.append(String(decoding: state.pending[..<newline], as: UTF8.self))
                state.pending.removeSubrange(...newline)
            }
        }
    }

    private func close() {
        state.withLock { state in
            if !state.pending.isEmpty {
                state.lines.append(String(decoding: state.pending, as: UTF8.self))
                state.pending = []
            }
            state.closed = true
        }
    }

    /// Every line so far, as printed.
    var raw: [String] {
        state.withLock { $0.lines }
    }

    /// Every line so far that is a JSON object, with its string members.
    var decoded: [[String: String]] {
        raw.compactMap { Self.object(of: $0)?.compactMapValues { $0 as? String } }
    }

    /// Whether the writer closed the pipe (the process ended).
    var isClosed: Bool {
        state.withLock { $0.closed }
    }

    /// `line` decoded, if it is a JSON object.
    static func object(of line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    /// The first line whose `msg` is `message`, waiting up to `timeout` for it.
    ///
    /// - Throws: When the pipe closes or the time passes without such a line; the error holds
    ///   every line read.
    func waitFor(message: String, timeout: Duration = .seconds(30)) async throws -> [String: String] {
        let deadline = ContinuousClock.now + timeout
        while true {
            let closed = isClosed
            if let line = decoded.first(where: { $0["msg"] == message }) {
                return line
            }
            guard !closed, ContinuousClock.now < deadline else {
                let why = closed ? "the process exited without" : "no"
                throw GatewayProcess.Failure(
                    description: "\(why) \(message) line within \(timeout):\n\(raw.joined(separator: "\n"))"
                )
            }
            try await Task.sleep(for: .milliseconds(10))
        }
    }

    /// Waits up to `timeout` for the pipe to close.
    func waitUntilClosed(timeout: Duration) async {
        let deadline = ContinuousClock.now + timeout
        while !isClosed, ContinuousClock.now < deadline {
            try? await Task.sleep(for: .milliseconds(10))
        }
    }
}
