import Foundation

/// Whether the `twilio` Python package some tests compare with is installed.
enum PythonEnvironment {
    /// `GATEWAY_REQUIRE_PYTHON=1` turns a missing package into a test failure instead of a skip.
    static let requirePython = ProcessInfo.processInfo.environment["GATEWAY_REQUIRE_PYTHON"] == "1"

    /// Whether `python3 -c "import twilio"` succeeds.
    static let hasTwilio: Bool = {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import twilio"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }()

    /// Run the twilio-python tests when the package is there, or when its absence must fail.
    static var runsTwilioTests: Bool {
        hasTwilio || requirePython
    }
}
