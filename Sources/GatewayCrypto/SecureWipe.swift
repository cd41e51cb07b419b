internal import COpenSSL

/// Overwriting secrets in memory once they are no longer needed.
public enum SecureWipe {
    /// Overwrites every byte of `bytes` with zeros in a way the compiler may not optimise away
    /// (OpenSSL's `OPENSSL_cleanse`).
    ///
    /// Swift arrays are copy-on-write, so a copy made earlier (for example a `String` built from
    /// the bytes) is a separate buffer this cannot reach; keep secrets in one array and wipe it.
    public static func wipe(_ bytes: inout [UInt8]) {
        bytes.withUnsafeMutableBytes { buffer in
            if let base = buffer.baseAddress {
                OPENSSL_cleanse(base, buffer.count)
            }
        }
    }
}
