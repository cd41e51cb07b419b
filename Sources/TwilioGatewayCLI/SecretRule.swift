/// What a Twilio secret (an Auth Token or an API key secret) may be, for `credentials set`,
/// `credentials show` and the vault records `serve` loads: printable ASCII without spaces, so
/// that it reaches Twilio as it is (libcurl's password is a C string, cut at a NUL) and never
/// drives a terminal, and short enough to be a secret rather than a file given by mistake.
enum SecretRule {
    /// The longest secret, in bytes. Twilio's Auth Tokens are 32 hex digits and its API key
    /// secrets 32 characters; the cap leaves room for other lengths without letting a file be
    /// stored by mistake.
    static let maximumLength = 256

    /// The rule in words, for the messages that refuse a secret.
    static let rule =
        "a Twilio secret is printable ASCII (0x21-0x7E) of at most \(maximumLength) bytes (an Auth Token is 32 hex "
        + "digits, an API key secret 32 characters)"

    /// Whether every byte of `bytes` is printable ASCII other than a space (0x21-0x7E).
    static func isPrintable(_ bytes: some Collection<UInt8>) -> Bool {
        bytes.allSatisfy { (0x21...0x7E).contains($0) }
    }

    /// Why `bytes` cannot be a Twilio secret, completing "the Auth Token …" (such as `is longer
    /// than 256 bytes`), or `nil` when it can: empty, too long, or ``unprintable(_:)``.
    static func problem(_ bytes: some Collection<UInt8>) -> String? {
        guard !bytes.isEmpty else {
            return "is empty"
        }
        guard bytes.count <= maximumLength else {
            return "is longer than \(maximumLength) bytes"
        }
        return unprintable(bytes)
    }

    /// The kind of the first byte of `bytes` outside printable ASCII, completing "the Auth Token
    /// …" (such as `holds a NUL byte`), or `nil` when there is none. It names the kind of byte,
    /// never the secret's bytes.
    static func unprintable(_ bytes: some Collection<UInt8>) -> String? {
        guard let byte = bytes.first(where: { !(0x21...0x7E).contains($0) }) else {
            return nil
        }
        let kind: String
        switch byte {
        case 0x00:
            kind = "a NUL byte"
        case 0x20:
            kind = "a space"
        case 0x01...0x1F, 0x7F:
            kind = "a control character (such as a tab or a terminal escape)"
        default:
            kind = "a byte that is not ASCII"
        }
        return "holds \(kind)"
    }
}
