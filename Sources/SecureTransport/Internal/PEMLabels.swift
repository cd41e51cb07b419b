internal import Glibc

/// Which kinds of PEM block a file holds, found by their `-----BEGIN …-----` labels before
/// OpenSSL reads the file, so that a certificate given as the key (or the two files swapped)
/// gets a message that says so rather than one about the file's mode.
struct PEMLabels {
    /// The most this reads of a file; PEM keys and certificate chains are far smaller.
    static let readLimit = 1 << 20

    /// Whether the file has a private key block (`PRIVATE KEY`, `RSA PRIVATE KEY`,
    /// `EC PRIVATE KEY`, `ENCRYPTED PRIVATE KEY` …).
    let hasPrivateKey: Bool
    /// Whether the file has a certificate block.
    let hasCertificate: Bool

    /// The labels of the regular file at `path`, read up to ``readLimit`` bytes, which are wiped
    /// afterwards; `nil` when `path` is not a regular file (a pipe must not be read twice) or
    /// cannot be read.
    init?(regularFileAt path: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            return nil
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            return nil
        }
        var bytes = [UInt8](repeating: 0, count: min(Int(status.st_size), Self.readLimit))
        defer {
            bytes.withUnsafeMutableBytes { buffer in
                if let base = buffer.baseAddress {
                    explicit_bzero(base, buffer.count)
                }
            }
        }
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            guard count > 0 else {
                break
            }
            filled += count
        }
        let contents = bytes[..<filled]
        hasPrivateKey = Self.contains(contents, "PRIVATE KEY-----")
        hasCertificate = Self.contains(contents, "-----BEGIN CERTIFICATE-----")
    }

    private static func contains(_ bytes: ArraySlice<UInt8>, _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard bytes.count >= needle.count else {
            return false
        }
        var start = bytes.startIndex
        while start <= bytes.endIndex - needle.count {
            if bytes[start] == needle[0], bytes[start..<(start + needle.count)].elementsEqual(needle) {
                return true
            }
            start += 1
        }
        return false
    }
}
