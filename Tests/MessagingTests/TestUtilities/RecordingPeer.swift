import Foundation

/// Runs `Tests/Fixtures/recording_server.py` (see its docstring) and reads the requests it
/// recorded: an HTTP peer that shares no code with the clients compared against it.
final class RecordingPeer {
    /// One recorded request.
    struct Request: Decodable {
        var method: String
        var path: String
        var headers: [[String]]
        var bodyBase64: String

        enum CodingKeys: String, CodingKey {
            case method, path, headers
            case bodyBase64 = "body_base64"
        }

        /// The form fields of the body, decoded, in order.
        var form: [[String]] {
            let body = String(decoding: Data(base64Encoded: bodyBase64) ?? Data(), as: UTF8.self)
            return body.split(separator: "&").map { pair in
                pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).map { part in
                    String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(part)
                }
            }
        }

        func header(_ name: String) -> String? {
            headers.first { $0.first?.lowercased() == name.lowercased() }?.last
        }
    }

    private let process = Process()
    private let input = Pipe()
    private let directory: URL
    private let recordingPath: String
    private(set) var port = 0

    var baseURL: String {
        "http://127.0.0.1:\(port)"
    }

    /// Starts the peer answering each `(method, path)` with `status` and `json`.
    static func start(routes: [(method: String, path: String, status: Int, json: String)]) async throws -> RecordingPeer
    {
        let peer = try RecordingPeer(routes: routes)
        let output = Pipe()
        peer.process.standardOutput = output
        try peer.process.run()
        let reader = output.fileHandleForReading
        peer.port = try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                var line = Data()
                while !line.contains(UInt8(ascii: "\n")) {
                    let chunk = reader.availableData
                    guard !chunk.isEmpty else {
                        continuation.resume(throwing: PeerError(description: "recording_server.py printed no port"))
                        return
                    }
                    line += chunk
                }
                let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
                guard let port = Int(text) else {
                    continuation.resume(throwing: PeerError(description: "recording_server.py printed \(text)"))
                    return
                }
                continuation.resume(returning: port)
            }
        }
        return peer
    }

    private init(routes: [(method: String, path: String, status: Int, json: String)]) throws {
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("peer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let configPath = directory.appendingPathComponent("config.json").path
        recordingPath = directory.appendingPathComponent("requests.jsonl").path
        let config: [String: Any] = [
            "routes": try routes.map { route in
                [
                    "method": route.method, "path": route.path, "status": route.status,
                    "json": try JSONSerialization.jsonObject(with: Data(route.json.utf8)),
                ] as [String: Any]
            }
        ]
        try JSONSerialization.data(withJSONObject: config).write(to: URL(fileURLWithPath: configPath))
        _ = FileManager.default.createFile(atPath: recordingPath, contents: nil)

        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/recording_server.py").path
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--config", configPath, "--record", recordingPath]
        process.standardInput = input
    }

    deinit {
        try? input.fileHandleForWriting.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Every request recorded so far, in arrival order.
    func requests() throws -> [Request] {
        let text = try String(contentsOfFile: recordingPath, encoding: .utf8)
        return try text.split(separator: "\n").compactMap { line in
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            guard object?["event"] as? String == "request" else {
                return nil
            }
            return try JSONDecoder().decode(Request.self, from: Data(line.utf8))
        }
    }
}

struct PeerError: Error, CustomStringConvertible {
    var description: String
}
