internal import Foundation

/// Who besides the owner may reach the data directory, which holds phone numbers, message
/// bodies, API key hashes and the vault: writing is refused, reading is warned about.
enum DataDirectoryMode {
    /// A data directory that group or others can write: they could replace the vault, the key
    /// store or the event log.
    struct WritableError: Error, CustomStringConvertible {
        /// The directory as given.
        var path: String
        /// Its permission bits.
        var mode: mode_t

        var description: String {
            "the data directory '\(path)' has mode \(String(mode, radix: 8)), so group or others can write "
                + "to it and replace the files in it; run chmod 700 \(path)"
        }
    }

    /// The permission bits of `path` (with set-ID and sticky bits), or `nil` when it does not exist or cannot be read.
    static func mode(of path: String) -> mode_t? {
        var status = stat()
        guard stat(path, &status) == 0 else {
            return nil
        }
        return status.st_mode & 0o7777
    }

    /// Throws when `path` exists and group or others may write to it; a missing directory passes.
    ///
    /// - Throws: ``WritableError`` naming the directory and its mode.
    static func refuseWritable(_ path: String) throws {
        guard let mode = mode(of: path), mode & 0o022 != 0 else {
            return
        }
        throw WritableError(path: path, mode: mode)
    }
}
