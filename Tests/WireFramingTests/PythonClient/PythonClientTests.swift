internal import Foundation
internal import GatewayTestSupport
internal import RPCCore
internal import Testing

/// What the machine offers for running the Python client.
enum PythonEnvironment {
    /// The full path of `name` on `PATH`, if it is there.
    static func find(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":")
            .map { "\($0)/\(name)" }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static let python = find("python3")
    static let protoc = find("protoc")
    /// The test runs unless only the `protobuf` package is missing and CI does not demand it;
    /// a missing python3 or protoc is a failure, never a skip.
    static let shouldRun = python == nil || protoc == nil || PythonPackages.testsRun(needing: "google.protobuf")

    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs a program to its end and returns its exit status and output.
    static func run(_ program: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite("Python client written from docs/protocol.md")
struct PythonClientTests {
    /// Generates the Python output of every proto into a fresh directory.
    static func generateProtos(protoc: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "twgw-python-\(UUID().uuidString)"
        )
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let protos = PythonEnvironment.root.appendingPathComponent("Protos").path
        let files = try FileManager.default.contentsOfDirectory(atPath: protos + "/twilio/gateway/v1")
            .filter { $0.hasSuffix(".proto") }
            .sorted()
            .map { "\(protos)/twilio/gateway/v1/\($0)" }
        let result = try PythonEnvironment.run(protoc, ["--python_out=\(directory.path)", "-I", protos] + files)
        guard result.status == 0 else {
            throw RawSocketError(description: "protoc failed: \(result.output)")
        }
        return directory.path
    }

    /// Runs the client with `arguments` and decodes the JSON it prints.
    static func client(_ python: String, _ arguments: [String]) async throws -> [String: Any] {
        let script = PythonEnvironment.root.appendingPathComponent("Tests/PythonClient/gateway_client.py").path
        let result = try await blocking { try PythonEnvironment.run(python, [script] + arguments) }
        let object = try? JSONSerialization.jsonObject(with: Data(result.output.utf8))
        guard let json = object as? [String: Any] else {
            throw RawSocketError(description: "the client printed no JSON (exit \(result.status)): \(result.output)")
        }
        return json
    }

    @Test(
        "the Python client calls the Swift server: health, an error with details, raw bytes",
        .enabled(
            if: PythonEnvironment.shouldRun,
            "the protobuf package is missing; set GATEWAY_REQUIRE_PYTHON=1 to fail"
        )
    )
    func pythonClient() async throws {
        let python = try #require(PythonEnvironment.python, "python3 is not on PATH")
        let protoc = try #require(PythonEnvironment.protoc, "protoc is not on PATH")
        try #require(
            PythonPackages.canImport("google.protobuf"),
            "python3 cannot import google.protobuf: pip install -r Tests/PythonClient/requirements.txt"
        )
        let protoDirectory = try Self.generateProtos(protoc: protoc)
        defer { try? FileManager.default.removeItem(atPath: protoDirectory) }

        try await withTestServer { server in
            let common = ["--port", String(server.port), "--proto-dir", protoDirectory]

            let health = try await Self.client(python, common + ["health", "--service", "twilio.gateway.v1.Messaging"])
            #expect(health["status_name"] as? String == "OK")
            #expect((health["response"] as? [String: Any])?["status"] as? String == "SERVING")

            let sms = try await Self.client(
                python,
                common + [
                    "--metadata", "X-Request-ID=py-1", "send-sms", "--to", "12", "--from", "+15557654321", "--body",
                    "hi",
                ]
            )
            #expect(sms["status"] as? Int == 3)
            #expect(sms["message"] as? String == "to must be in E.164 format (request py-1)")
            let details = try #require(sms["details"] as? [String: Any])
            #expect(details["twilio_code"] as? Int == 21211)
            #expect(details["http_status"] as? Int == 400)
            let violations = try #require(details["field_violations"] as? [[String: Any]])
            #expect(violations.first?["field"] as? String == "to")

            let raw = try await Self.client(
                python,
                common + ["raw", "--path", TestMethods.echo.path, "--request-hex", "00ff10"]
            )
            #expect(raw["status_name"] as? String == "OK")
            #expect(raw["response_hex"] as? String == "00ff10")

            let deadline = try await Self.client(
                python,
                common + ["--timeout-ms", "100", "raw", "--path", TestMethods.hang.path]
            )
            #expect(deadline["status_name"] as? String == "DEADLINE_EXCEEDED")
        }
    }

    @Test("the Python client reports a refused connection as UNAVAILABLE")
    func pythonClientRefused() async throws {
        let python = try #require(PythonEnvironment.python, "python3 is not on PATH")
        let port = try RawListener().port
        let result = try await Self.client(python, ["--port", String(port), "raw", "--path", "/x.Y/Z"])
        #expect(result["status_name"] as? String == "UNAVAILABLE")
    }
}
