extension KeyedDecodingContainer {
    /// The value under `key` as text: a JSON string as is, a number in its shortest decimal form,
    /// or `nil` when the key is missing, null or holds something else.
    ///
    /// Twilio sends counts and prices such as `num_segments` as strings; this also takes numbers,
    /// so a payload written by another tool still decodes.
    func decodeLenientString(forKey key: Key) -> String? {
        if let text = try? decodeIfPresent(String.self, forKey: key) {
            return text
        }
        if let number = try? decodeIfPresent(Int.self, forKey: key) {
            return String(number)
        }
        if let number = try? decodeIfPresent(Double.self, forKey: key) {
            return String(number)
        }
        return nil
    }

    /// The value under `key` as an integer: a JSON integer, or a string holding one; `nil` when the
    /// key is missing, null or holds something else.
    func decodeLenientInt(forKey key: Key) -> Int? {
        if let number = try? decodeIfPresent(Int.self, forKey: key) {
            return number
        }
        return (try? decodeIfPresent(String.self, forKey: key)).flatMap { $0.flatMap(Int.init) }
    }
}
