/// The entries of a map field in the order they are encoded: keys in UTF-8 byte order, so the
/// same map always gives the same bytes.
enum MapEntries {
    static func sorted(_ map: [String: String]) -> [(key: String, value: String)] {
        map.sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}
