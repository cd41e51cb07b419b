/// Reads the `T **items` plus `size_t n_items` arrays of protobuf-c structs.
enum CArray {
    /// The non-null pointers among the first `count` entries of `base`.
    static func elements<T>(_ base: UnsafeMutablePointer<UnsafeMutablePointer<T>?>?, count: Int)
        -> [UnsafeMutablePointer<T>]
    {
        guard let base, count > 0 else {
            return []
        }
        return UnsafeBufferPointer(start: base, count: count).compactMap { $0 }
    }
}
