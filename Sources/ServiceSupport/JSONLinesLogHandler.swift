internal import Synchronization

#if canImport(Glibc)
    internal import Glibc
#endif

/// Writes each record as one JSON object on one line, to standard error or another descriptor.
///
/// A line holds `ts` (RFC 3339 UTC with milliseconds), `level`, `logger`, `msg`, then the
/// metadata keys in sorted order. Lines from different threads never interleave.
public final class JSONLinesLogHandler: LogHandler {
    private let fileDescriptor: Int32
    private let lock = Mutex(())

    /// Creates a handler writing to `fileDescriptor` (standard error by default).
    public init(fileDescriptor: Int32 = 2) {
        self.fileDescriptor = fileDescriptor
    }

    public func write(_ record: LogRecord) {
        var line = Array(Self.format(record).utf8)
        line.append(UInt8(ascii: "\n"))
        lock.withLock { _ in
            var offset = 0
            while offset < line.count {
                let written = line[offset...].withUnsafeBytes { Glibc.write(fileDescriptor, $0.baseAddress, $0.count) }
                if written <= 0 {
                    if written < 0 && errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }

    /// Formats a record as one JSON line, without the newline.
    public static func format(_ record: LogRecord) -> String {
        var line = "{\"ts\":\"\(Timestamp.rfc3339(record.timestamp))\""
        line += ",\"level\":\"\(record.level)\""
        line += ",\"logger\":" + JSONString.quote(record.label)
        line += ",\"msg\":" + JSONString.quote(record.message)
        for key in record.metadata.keys.sorted() {
            line += "," + JSONString.quote(key) + ":" + JSONString.quote(record.metadata[key] ?? "")
        }
        return line + "}"
    }
}
