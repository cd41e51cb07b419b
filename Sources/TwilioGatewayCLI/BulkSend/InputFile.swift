#if canImport(Glibc)
    internal import Glibc
#endif

/// A file a command reads whole, or standard input for `-`.
enum InputFile {
    /// The largest input read; a bigger one is refused rather than held in memory.
    static let maximumSize = 64 * 1024 * 1024

    /// Why the input could not be read; the message names the path and the system's reason.
    struct ReadError: Error, CustomStringConvertible {
        var description: String
    }

    /// Every byte of the file at `path`, or of standard input when `path` is `-`.
    ///
    /// - Throws: ``ReadError`` when the file cannot be opened or read, or is larger than
    ///   ``maximumSize``.
    static func read(_ path: String) throws(ReadError) -> [UInt8] {
        let name = path == "-" ? "standard input" : path
        let descriptor = path == "-" ? 0 : open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw ReadError(description: "cannot open \(name): \(String(cString: strerror(errno)))")
        }
        defer {
            if descriptor != 0 {
                // close(2) can fail only with EBADF, EINTR or EIO; the bytes are read by now, so
                // none of them changes the outcome.
                _ = close(descriptor)
            }
        }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR {
                continue
            }
            guard count >= 0 else {
                throw ReadError(description: "cannot read \(name): \(String(cString: strerror(errno)))")
            }
            guard count > 0 else {
                return bytes
            }
            guard bytes.count + count <= maximumSize else {
                throw ReadError(
                    description: "\(name) is larger than \(maximumSize / 1024 / 1024) MiB; split it into smaller files"
                )
            }
            bytes.append(contentsOf: chunk[..<count])
        }
    }
}
