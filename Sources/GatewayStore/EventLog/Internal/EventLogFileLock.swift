internal import Synchronization

#if canImport(Glibc)
    internal import Glibc
#endif

/// An exclusive `flock` on a file beside the event log (`events.sqlite3.lock`), held while a
/// ``SQLiteEventLog`` is open.
///
/// The writer keeps the latest offset and the log's totals in memory, so a second writer on
/// the same file, in this process or another, would make them wrong; it fails to open instead.
/// The kernel drops the lock when the process dies, so a killed gateway never leaves it behind.
final class EventLogFileLock: Sendable {
    private let descriptor: Atomic<Int32>

    /// Takes the lock on `path`, creating the file if needed.
    ///
    /// - Throws: ``GatewayStoreError`` with code `openFailed` when the file cannot be opened or
    ///   another open log holds the lock.
    init(path: String) throws(GatewayStoreError) {
        let opened = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard opened >= 0 else {
            throw GatewayStoreError(
                code: .openFailed,
                message: "cannot open \(path): \(String(cString: strerror(errno))); "
                    + "check that the data directory exists and is writable"
            )
        }
        // flock fails with EWOULDBLOCK when another open file description holds the lock, and
        // with EINTR, EINVAL or ENOLCK otherwise; each means the log cannot be opened safely.
        guard flock(opened, LOCK_EX | LOCK_NB) == 0 else {
            let code = errno
            close(opened)
            let reason =
                code == EWOULDBLOCK
                ? "another gateway process (or another log in this one) has the event log open; "
                    + "give each gateway its own data directory"
                : String(cString: strerror(code))
            throw GatewayStoreError(code: .openFailed, message: "cannot lock \(path): \(reason)")
        }
        descriptor = Atomic(opened)
    }

    deinit {
        release()
    }

    /// Lets go of the lock; later calls do nothing.
    func release() {
        let held = descriptor.exchange(-1, ordering: .acquiringAndReleasing)
        if held >= 0 {
            close(held)
        }
    }
}
