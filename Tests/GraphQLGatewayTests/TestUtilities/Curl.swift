import Foundation
import HTTPServer
import Testing

/// Requests made with the curl command-line tool, an HTTP client independent of this package.
enum Curl {
    struct Response {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: String

        /// The value of the last header called `name`, ignoring case.
        func header(_ name: String) -> String? {
            headers.last { $0.name.lowercased() == name.lowercased() }?.value
        }
    }

    /// Sends one request to `127.0.0.1:port`.
    ///
    /// - Parameters:
    ///   - arguments: curl options, such as `-X POST`, `-H …`, `--data-binary …`.
    ///   - path: The path, such as `/graphql`.
    ///   - port: The server's port.
    static func request(_ arguments: [String], path: String, port: Int) async throws -> Response {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("curl-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let headerFile = directory.appendingPathComponent("headers")
        let bodyFile = directory.appendingPathComponent("body")

        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments =
            ["-s", "-S", "--max-time", "20", "-D", headerFile.path, "-o", bodyFile.path]
            + arguments + ["http://127.0.0.1:\(port)\(path)"]
        let status = try await run(process)
        try #require(status == 0, "curl exited with \(status)")

        let headerText = try String(contentsOf: headerFile, encoding: .utf8)
        let lastBlock = headerText.components(separatedBy: "\r\n\r\n").filter { !$0.isEmpty }.last ?? ""
        var lines = lastBlock.components(separatedBy: "\r\n")
        let statusLine = lines.removeFirst().split(separator: " ")
        let headers = lines.compactMap { line -> (name: String, value: String)? in
            guard let colon = line.firstIndex(of: ":") else {
                return nil
            }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Response(
            status: statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0,
            headers: headers,
            body: (try? String(contentsOf: bodyFile, encoding: .utf8)) ?? ""
        )
    }

    /// Runs `process` and waits for its exit without blocking a thread.
    private static func run(_ process: Process) async throws -> Int32 {
        try await withCheckedThrowingContinuation { continuation in
            process.terminationHandler = { process in
                continuation.resume(returning: process.terminationStatus)
            }
            do {
                try process.run()
            } catch {
                process.terminationHandler = nil
                continuation.resume(throwing: error)
            }
        }
    }
}

/// Runs `body` with a started server, then stops it on a thread of its own, as `stop()` blocks.
func withServer<T>(
    _ configuration: HTTPServer.Configuration = HTTPServer.Configuration(),
    handler: @escaping HTTPHandler,
    _ body: (Int) async throws -> T
) async throws -> T {
    let server = try HTTPServer(configuration: configuration, handler: handler)
    try server.start()
    let result: Result<T, any Error>
    do {
        result = .success(try await body(try #require(server.boundPort)))
    } catch {
        result = .failure(error)
    }

    await withCheckedContinuation { continuation in
        Thread.detachNewThread {
            server.stop()
            continuation.resume()
        }
    }
    return try result.get()
}
