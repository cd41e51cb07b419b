internal import Foundation

/// Whether the official `twilio` helper library is installed for `python3`.
enum TwilioPython {
    /// `GATEWAY_REQUIRE_PYTHON=1` turns a missing library into a test failure instead of a skip.
    static let isRequired = ProcessInfo.processInfo.environment["GATEWAY_REQUIRE_PYTHON"] == "1"

    /// Whether `python3 -c "import twilio"` succeeds; asked once, when a suite's trait is read.
    static let isInstalled: Bool = {
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

    /// Run the tests that drive the library when it is there, or when its absence must fail.
    static var runsTests: Bool {
        isInstalled || isRequired
    }
}
