internal import Glibc

/// A failed system call: which call, on what, and the `errno` it set.
struct SystemCallError: Error, CustomStringConvertible {
    /// The C function, such as `connect`.
    var function: String
    /// The `errno` value.
    var errorNumber: Int32

    var description: String {
        "\(function) failed: \(Self.text(errorNumber)) (errno \(errorNumber))"
    }

    /// The C library's text for `errorNumber`, such as `Connection refused`.
    static func text(_ errorNumber: Int32) -> String {
        guard let text = strerror(errorNumber) else {
            return "error \(errorNumber)"
        }
        return String(cString: text)
    }
}
