import Foundation

/// Another process holding SQLite's write lock on a database file, until ``release()``:
/// `python3` with its standard `sqlite3` module in `BEGIN IMMEDIATE`.
///
/// While it holds the lock the event log's writer waits in its own `BEGIN IMMEDIATE` (for up to
/// its 5 s busy timeout), which is how a test makes appends queue up without timing tricks.
final class SQLiteWriteLock {
    private let process = Process()
    private let input = Pipe()
    private let outputPath: String

    /// Starts the lock holder on `path` and returns once it holds the lock.
    init(path: String, scratch: TemporaryDirectory) async throws {
        outputPath = scratch.path + "/lock-holder.out"
        guard FileManager.default.createFile(atPath: outputPath, contents: nil) else {
            throw LockHolderFailure(description: "cannot create \(outputPath)")
        }
        let script = """
            import sqlite3, sys
            connection = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=5)
            connection.execute("BEGIN IMMEDIATE")
            print("locked", flush=True)
            sys.stdin.read()
            connection.execute("ROLLBACK")
            """
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, path]
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        try process.run()

        let locked = try await EventLogFixtures.eventually {
            (try? String(contentsOfFile: outputPath, encoding: .utf8))?.contains("locked") == true
        }
        guard locked else {
            throw LockHolderFailure(description: "python3 did not take the write lock on \(path)")
        }
    }

    /// Lets go of the lock: the holder reads the end of its input, rolls back and exits.
    func release() throws {
        try input.fileHandleForWriting.close()
    }

    deinit {
        try? input.fileHandleForWriting.close()
    }
}

/// The lock holder could not be started.
struct LockHolderFailure: Error, CustomStringConvertible {
    var description: String
}
