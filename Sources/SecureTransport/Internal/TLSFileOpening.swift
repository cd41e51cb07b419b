internal import Glibc

/// Opening a certificate or key file named in configuration, before OpenSSL reads it: the
/// check that it can be read at all and that it is not a directory, which `fopen` opens too.
enum TLSFileOpening {
    /// Whether `path` is a directory, found by opening it for reading and closing it again.
    ///
    /// - Parameters:
    ///   - path: The file's path as configured.
    ///   - what: What the file is, for the message, such as `private key` or `CA file`.
    /// - Throws: ``TLSError`` with the system's reason when `path` cannot be opened.
    static func isDirectory(_ path: String, _ what: String) throws(TLSError) -> Bool {
        guard let file = fopen(path, "r") else {
            throw TLSError("cannot read the TLS \(what) \(path): \(String(cString: strerror(errno)))")
        }
        defer { fclose(file) }
        var status = stat()
        return fstat(fileno(file), &status) == 0 && status.st_mode & S_IFMT == S_IFDIR
    }
}
