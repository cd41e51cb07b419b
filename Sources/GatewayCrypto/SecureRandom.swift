internal import COpenSSL

/// Cryptographically secure random bytes from OpenSSL's generator.
public enum SecureRandom {
    /// Returns `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: count)
        let result = RAND_bytes(&output, Int32(count))
        // RAND_bytes fails only when the generator cannot be seeded, which makes every
        // secret the service would produce guessable; stopping is the only safe answer.
        precondition(result == 1, "OpenSSL RAND_bytes failed")
        return output
    }
}
