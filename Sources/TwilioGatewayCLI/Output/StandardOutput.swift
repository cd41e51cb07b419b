#if canImport(Glibc)
    internal import Glibc
#endif

/// Standard output written with write(2) as each piece is ready, past stdio's buffer, so that a
/// reader of a pipe gets every line as soon as it is complete.
enum StandardOutput {
    /// Why standard output took no more text, such as a reader that went away.
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    /// Whether standard output is a terminal.
    static var isTerminal: Bool {
        isatty(1) == 1
    }

    /// The terminal's width in columns, or `nil` when it is not a terminal or does not say.
    static var columns: Int? {
        var size = winsize()
        // ioctl(2) fails with ENOTTY when standard output is no terminal; any failure means the
        // width is unknown.
        guard ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else {
            return nil
        }
        return Int(size.ws_col)
    }

    /// Writes all of `text`.
    ///
    /// - Throws: ``WriteError`` with the system's reason when write(2) fails.
    static func write(_ text: String) throws(WriteError) {
        let bytes = Array(text.utf8)
        var start = 0
        while start < bytes.count {
            let written = bytes[start...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR {
                continue
            }
            guard written >= 0 else {
                throw WriteError(description: "cannot write to standard output: \(String(cString: strerror(errno)))")
            }
            start += written
        }
    }
}
