internal import Foundation
internal import GatewayTestSupport
internal import Testing

/// python3 and the PyPI packages some tests use as independent peers (Tests/requirements.txt).
///
/// The project's rule: a test that needs a package fails unless the package is missing and
/// `GATEWAY_REQUIRE_PYTHON` is not `1`, in which case it is skipped with a message.
enum PythonTools {
    static let python = Program.find("python3")
    static let protoc = Program.find("protoc")

    static let hasProtobuf = PythonPackages.canImport("google.protobuf")
    static let hasTwilio = PythonPackages.canImport("twilio.rest")
    static let hasPrometheusClient = PythonPackages.canImport("prometheus_client.parser")

    /// Whether a test needing `available` runs: the package is there or CI demands it. A missing
    /// python3 never skips; the test then fails on it.
    static func shouldRun(_ available: Bool) -> Bool {
        python == nil || available || PythonPackages.areRequired
    }

    /// The repository's root, found from this file's path.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// python3, or a failed test when it is missing.
    static func requirePython() throws -> String {
        try #require(python, "python3 is not on PATH")
    }

    /// Runs `python3 arguments…`.
    static func run(_ arguments: [String], input: String = "") async throws -> Program.Outcome {
        try await Program.run(try requirePython(), arguments, input: input)
    }

    /// Writes protoc's Python output for every proto of Protos/ into a fresh directory.
    static func generateProtos() async throws -> TemporaryDirectory {
        let protoc = try #require(protoc, "protoc is not on PATH")
        let directory = try TemporaryDirectory(prefix: "protos-python")
        let protos = root.appendingPathComponent("Protos").path
        let files = try FileManager.default.contentsOfDirectory(atPath: protos + "/twilio/gateway/v1")
            .filter { $0.hasSuffix(".proto") }
            .sorted()
            .map { "\(protos)/twilio/gateway/v1/\($0)" }
        let outcome = try await Program.run(protoc, ["--python_out=\(directory.url.path)", "-I", protos] + files)
        guard outcome.status == 0 else {
            directory.remove()
            throw Program.Failure(description: "protoc failed: \(outcome)")
        }
        return directory
    }
}
