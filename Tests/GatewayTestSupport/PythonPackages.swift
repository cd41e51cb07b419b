internal import Foundation
internal import Synchronization

/// Whether `python3` can import the PyPI packages some tests use as independent peers
/// (Tests/requirements.txt), and so whether such a test runs.
///
/// The project's rule: a test that needs a package runs when `python3` can import it, or when
/// `GATEWAY_REQUIRE_PYTHON=1` makes the package's absence a failure; otherwise it is skipped.
public enum PythonPackages {
    /// Whether CI demands the Python tests (`GATEWAY_REQUIRE_PYTHON=1`).
    public static let areRequired = ProcessInfo.processInfo.environment["GATEWAY_REQUIRE_PYTHON"] == "1"

    private static let answers = Mutex<[String: Bool]>([:])

    /// Whether `python3 -c "import <module>"` succeeds; asked once per module and run.
    public static func canImport(_ module: String) -> Bool {
        if let known = answers.withLock({ $0[module] }) {
            return known
        }
        let importable = runsImport(of: module)
        answers.withLock { $0[module] = importable }
        return importable
    }

    /// Whether a test that needs `module` runs: `python3` can import it, or CI demands it.
    public static func testsRun(needing module: String) -> Bool {
        areRequired || canImport(module)
    }

    /// Whether a test that needs only `python3` and its standard library runs.
    public static var standardLibraryTestsRun: Bool {
        testsRun(needing: "json")
    }

    private static func runsImport(of module: String) -> Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import \(module)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return false
        }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }
}
