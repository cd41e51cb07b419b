import Foundation
import GatewayAPI
import GatewayTestSupport
import ProtoBridge
import Testing

@Suite("Cross-check with Python's protobuf package")
struct PythonCrossCheckTests {
    private struct Case: Codable {
        var name: String
        var python: String
        var swift: String
    }

    private struct Report: Decodable {
        struct Result: Decodable {
            var name: String
            var python: String
            var parsedEqual: Bool
            var parsed: String
        }

        var protobufVersion: String
        var implementation: String
        var results: [Result]
    }

    static let tools = PythonTools.find()

    /// Both of the package's implementations: the pure-Python one, whose deterministic
    /// encoding orders map keys by their bytes as C++ protobuf does, and the default (upb in
    /// 4.x), whose map key order differs where one key is a prefix of another (see
    /// ``GatewaySample/mapKeysArePrefixes``).
    @Test(
        "Swift and Python encode every sample to the same bytes and decode each other's",
        .enabled(
            if: tools != nil || PythonPackages.areRequired,
            "python3 with the protobuf package (pip install protobuf==4.21.12) or protoc is missing; set GATEWAY_REQUIRE_PYTHON=1 to make this a failure"
        ),
        arguments: ["python", nil]
    )
    func crossCheck(implementation: String?) throws {
        let tools = try #require(
            Self.tools,
            "GATEWAY_REQUIRE_PYTHON=1, but python3 with the protobuf package or protoc is missing"
        )
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("proto-py-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }

        let generated = try tools.generateClasses(from: Self.protosDirectory, into: directory)
        try #require(generated.status == 0, "protoc failed: \(generated.errorOutput)")
        let samples = GatewaySamples.all
        let cases = try samples.map {
            Case(name: $0.name, python: $0.python, swift: Self.hex(try $0.value.serializedBytes()))
        }
        let casesURL = directory.appendingPathComponent("cases.json")
        try JSONEncoder().encode(cases).write(to: casesURL)
        let scriptURL = directory.appendingPathComponent("check_messages.py")
        try CheckMessagesScript.source.write(to: scriptURL, atomically: true, encoding: .utf8)

        let outcome = try tools.runPython(scriptURL, [directory.path, casesURL.path], implementation: implementation)
        try #require(outcome.status == 0, "the Python check failed: \(outcome.errorOutput)")
        let report = try JSONDecoder().decode(Report.self, from: Data(outcome.output.utf8))

        #expect(!report.protobufVersion.isEmpty)
        #expect(implementation == nil || report.implementation == implementation)
        try #require(report.results.map(\.name) == samples.map(\.name))
        for (sample, (swiftCase, result)) in zip(samples, zip(cases, report.results)) {
            if report.implementation != "upb" || !sample.mapKeysArePrefixes {
                #expect(
                    result.python == swiftCase.swift,
                    "\(sample.name): Python (\(report.implementation)) encodes \(result.python)"
                )
            }
            #expect(result.parsedEqual, "\(sample.name): Python parsed the Swift bytes as \(result.parsed)")
            let decoded = try sample.decode(Self.bytes(fromHex: result.python))
            #expect(sample.matches(decoded), "\(sample.name): Swift decodes Python's bytes as \(decoded)")
        }
    }

    private static var protosDirectory: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Protos")
    }

    private static func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16).count == 1 ? "0" + String($0, radix: 16) : String($0, radix: 16) }.joined()
    }

    private static func bytes(fromHex digits: String) -> [UInt8] {
        let characters = Array(digits)
        return stride(from: 0, to: characters.count, by: 2).map { UInt8(String(characters[$0...$0 + 1]), radix: 16)! }
    }
}
