extension String {
    /// Copies a NUL-terminated C string, repairing invalid UTF-8; `nil` becomes "".
    ///
    /// Only for text we trust, such as names in descriptors. Field values go through
    /// ``MessageDecoder``, which rejects invalid UTF-8 instead.
    init(optionalCString pointer: UnsafePointer<CChar>?) {
        self = pointer.map { String(cString: $0) } ?? ""
    }
}
