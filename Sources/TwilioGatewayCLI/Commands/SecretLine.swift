internal import GatewayCrypto
internal import Glibc

/// The one line of a secret given on standard input (`credentials set`).
enum SecretLine {
    /// Reads standard input to its end, or to the first byte past the longest secret and a
    /// `\r\n`, so a file given by mistake is neither read whole nor stored.
    ///
    /// - Parameters:
    ///   - descriptor: Where to read; standard input unless a test says otherwise.
    ///   - what: What the secret is, for the messages ("the Auth Token").
    /// - Returns: The bytes read, at most ``SecretRule/maximumLength`` + 2.
    /// - Throws: ``CommandArguments/ParseError`` when there is more, or standard input cannot be
    ///   read; never with the secret's bytes.
    static func read(from descriptor: Int32 = STDIN_FILENO, what: String) throws -> [UInt8] {
        let capacity = SecretRule.maximumLength + 3
        var bytes = [UInt8](repeating: 0, count: capacity)
        var filled = 0
        while filled < capacity {
            let count = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, capacity - filled)
            }
            if count < 0, errno == EINTR {
                continue
            }
            guard count >= 0 else {
                SecureWipe.wipe(&bytes)
                throw CommandArguments.ParseError(
                    description: "cannot read \(what) from standard input: \(String(cString: strerror(errno)))"
                )
            }
            guard count > 0 else {
                break
            }
            filled += count
        }
        guard filled < capacity else {
            SecureWipe.wipe(&bytes)
            throw CommandArguments.ParseError(
                description: "\(what) on standard input is longer than \(SecretRule.maximumLength) bytes; "
                    + "\(SecretRule.rule): give the secret alone, on one line"
            )
        }
        let secret = Array(bytes[..<filled])
        SecureWipe.wipe(&bytes)
        return secret
    }

    /// Removes one line end (`\n` or `\r\n`) from the end of `bytes`, in place, and checks that
    /// what is left is one non-empty line with no space or tab at either end, that passes
    /// ``SecretRule/problem(_:)``.
    ///
    /// - Parameters:
    ///   - bytes: Standard input as read; on return, the secret alone.
    ///   - what: What the secret is, for the messages ("the Auth Token").
    /// - Throws: ``CommandArguments/ParseError`` saying what is wrong, never with the secret's bytes.
    static func strip(_ bytes: inout [UInt8], what: String) throws {
        if bytes.last == UInt8(ascii: "\n") {
            bytes.removeLast()
            if bytes.last == UInt8(ascii: "\r") {
                bytes.removeLast()
            }
        }
        guard !bytes.isEmpty else {
            throw CommandArguments.ParseError(description: "give \(what) on standard input")
        }
        guard !bytes.contains(UInt8(ascii: "\n")), !bytes.contains(UInt8(ascii: "\r")) else {
            throw CommandArguments.ParseError(
                description: "standard input holds more than one line; give \(what) alone, on one line"
            )
        }
        let blanks: Set<UInt8> = [UInt8(ascii: " "), UInt8(ascii: "\t")]
        guard let first = bytes.first, let last = bytes.last, !blanks.contains(first), !blanks.contains(last) else {
            throw CommandArguments.ParseError(
                description: "\(what) on standard input starts or ends with a space or tab; give it without them"
            )
        }
        if let problem = SecretRule.problem(bytes) {
            throw CommandArguments.ParseError(
                description: "\(what) on standard input \(problem); \(SecretRule.rule): copy it again from the "
                    + "Twilio Console"
            )
        }
    }
}
