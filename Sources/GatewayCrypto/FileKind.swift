internal import Glibc

/// What kind of file a path names, for the checks that need a file and would otherwise give
/// advice that does not fit (`chmod 600` a directory).
enum FileKind {
    /// Whether `mode` (a `stat` result's `st_mode`) is a directory's.
    static func isDirectory(_ mode: mode_t) -> Bool {
        mode & S_IFMT == S_IFDIR
    }

    /// Whether `mode` (a `stat` result's `st_mode`) is a regular file's.
    static func isRegular(_ mode: mode_t) -> Bool {
        mode & S_IFMT == S_IFREG
    }
}
