internal import Glibc

/// Small reads of Linux's `/proc` files, which have no size until read.
enum ProcFile {
    /// The whole text of `path`, or `nil` when it cannot be opened or read (not on Linux, say).
    static func read(_ path: String) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return nil
        }
        defer { close(descriptor) }

        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0, errno == EINTR {
                continue
            }
            guard count >= 0 else {
                return nil
            }
            guard count > 0 else {
                break
            }
            bytes += chunk[0..<count]
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The number of entries of the directory `path`, `.` and `..` left out, or `nil` when it
    /// cannot be opened.
    static func entryCount(_ path: String) -> Int? {
        guard let directory = opendir(path) else {
            return nil
        }
        defer { closedir(directory) }

        var count = 0
        while let entry = readdir(directory) {
            let isDot = withUnsafeBytes(of: entry.pointee.d_name) { name in
                name[0] == UInt8(ascii: ".") && (name[1] == 0 || (name[1] == UInt8(ascii: ".") && name[2] == 0))
            }
            if !isDot {
                count += 1
            }
        }
        return count
    }
}
