public import ServiceSupport

/// The `X-Twilio-Signature` header of Twilio's webhooks: how Twilio signs a request it sends,
/// and how a receiver checks it, exactly as the official helper libraries do.
///
/// The signed text is the full URL Twilio requested (query included, fragment excluded),
/// followed by every POST parameter as `name` + `value`: names in Unicode code point order,
/// and for a repeated name each distinct value in code point order. A GET request, or a POST
/// without a body, signs the URL alone. The signature is the standard base64 of the HMAC of
/// that text under the account's auth token (SHA-1 unless a shared key asks for SHA-256).
public enum TwilioSignature {
    /// The name of the header that carries the signature.
    public static let headerName = "X-Twilio-Signature"

    /// Computes the signature Twilio sends for a request.
    ///
    /// - Parameters:
    ///   - url: The URL exactly as requested, query included, such as
    ///     `https://example.test/status?tenant=acme`.
    ///   - parameters: The form-decoded POST parameters in any order, repeated names included;
    ///     empty for a GET request.
    ///   - authToken: The account's auth token (or the shared key's secret).
    ///   - algorithm: SHA-1, Twilio's default, or SHA-256 for shared-key signatures.
    /// - Returns: The base64 text for the `X-Twilio-Signature` header.
    public static func sign(
        url: String,
        parameters: [(name: String, value: String)],
        authToken: String,
        algorithm: HMAC.Algorithm = .sha1
    ) -> String {
        Array(authToken.utf8).withUnsafeBytes { key in
            sign(url: url, parameters: parameters, key: key, algorithm: algorithm)
        }
    }

    /// Computes the signature Twilio sends for a request, keyed by a secret held as wipeable
    /// bytes; the key is read in place, never copied into a `String` or array.
    ///
    /// - Parameters:
    ///   - url: The URL exactly as requested, query included.
    ///   - parameters: The form-decoded POST parameters in any order; empty for a GET request.
    ///   - secret: The account's auth token (or the shared key's secret).
    ///   - algorithm: SHA-1, Twilio's default, or SHA-256 for shared-key signatures.
    /// - Returns: The base64 text for the `X-Twilio-Signature` header.
    public static func sign(
        url: String,
        parameters: [(name: String, value: String)],
        secret: SecretBytes,
        algorithm: HMAC.Algorithm = .sha1
    ) -> String {
        secret.withUnsafeBytes { key in
            sign(url: url, parameters: parameters, key: key, algorithm: algorithm)
        }
    }

    /// Checks the signature of a form-encoded (or bodiless) request the way twilio-python's
    /// `RequestValidator.validate` does: the URL is tried both without its port and with the
    /// default port added, since Twilio may have signed either form.
    ///
    /// - Parameters:
    ///   - signature: The `X-Twilio-Signature` header's value; a missing header is `""`.
    ///   - url: The URL the request was sent to, as the receiver reconstructs it.
    ///   - parameters: The form-decoded POST parameters, repeated names included.
    ///   - authToken: The account's auth token.
    ///   - algorithm: The signature's hash function.
    /// - Returns: Whether the signature matches; the comparison takes time that depends only on
    ///   the lengths.
    public static func isValid(
        _ signature: String,
        url: String,
        parameters: [(name: String, value: String)],
        authToken: String,
        algorithm: HMAC.Algorithm = .sha1
    ) -> Bool {
        Array(authToken.utf8).withUnsafeBytes { key in
            isValid(signature, url: url, parameters: parameters, key: key, algorithm: algorithm)
        }
    }

    /// Checks the signature of a form-encoded (or bodiless) request like
    /// ``isValid(_:url:parameters:authToken:algorithm:)``, keyed by a secret held as wipeable bytes.
    ///
    /// - Parameters:
    ///   - signature: The `X-Twilio-Signature` header's value; a missing header is `""`.
    ///   - url: The URL the request was sent to, as the receiver reconstructs it.
    ///   - parameters: The form-decoded POST parameters, repeated names included.
    ///   - secret: The account's auth token (or the shared key's secret).
    ///   - algorithm: The signature's hash function.
    /// - Returns: Whether the signature matches, compared in constant time.
    public static func isValid(
        _ signature: String,
        url: String,
        parameters: [(name: String, value: String)],
        secret: SecretBytes,
        algorithm: HMAC.Algorithm = .sha1
    ) -> Bool {
        secret.withUnsafeBytes { key in
            isValid(signature, url: url, parameters: parameters, key: key, algorithm: algorithm)
        }
    }

    /// Checks a request with a JSON body, which Twilio signs by adding the body's SHA-256 as
    /// the `bodySHA256` query parameter and signing the URL alone.
    ///
    /// - Parameters:
    ///   - signature: The `X-Twilio-Signature` header's value.
    ///   - url: The URL the request was sent to, `bodySHA256` included.
    ///   - body: The raw request body.
    ///   - authToken: The account's auth token.
    ///   - algorithm: The signature's hash function.
    /// - Returns: Whether the URL carries a `bodySHA256` equal to the body's hash and the
    ///   signature matches.
    public static func isValid(
        _ signature: String,
        url: String,
        body: [UInt8],
        authToken: String,
        algorithm: HMAC.Algorithm = .sha1
    ) -> Bool {
        Array(authToken.utf8).withUnsafeBytes { key in
            isValid(signature, url: url, body: body, key: key, algorithm: algorithm)
        }
    }

    /// Checks a request with a JSON body like ``isValid(_:url:body:authToken:algorithm:)``,
    /// keyed by a secret held as wipeable bytes.
    ///
    /// - Parameters:
    ///   - signature: The `X-Twilio-Signature` header's value.
    ///   - url: The URL the request was sent to, `bodySHA256` included.
    ///   - body: The raw request body.
    ///   - secret: The account's auth token (or the shared key's secret).
    ///   - algorithm: The signature's hash function.
    /// - Returns: Whether the URL carries a `bodySHA256` equal to the body's hash and the
    ///   signature matches.
    public static func isValid(
        _ signature: String,
        url: String,
        body: [UInt8],
        secret: SecretBytes,
        algorithm: HMAC.Algorithm = .sha1
    ) -> Bool {
        secret.withUnsafeBytes { key in
            isValid(signature, url: url, body: body, key: key, algorithm: algorithm)
        }
    }

    private static func sign(
        url: String,
        parameters: [(name: String, value: String)],
        key: UnsafeRawBufferPointer,
        algorithm: HMAC.Algorithm
    ) -> String {
        let message = Array(signedText(url: url, parameters: parameters).utf8)
        return Base64.encode(HMAC.authenticationCode(algorithm, key: key, message: message))
    }

    private static func isValid(
        _ signature: String,
        url: String,
        parameters: [(name: String, value: String)],
        key: UnsafeRawBufferPointer,
        algorithm: HMAC.Algorithm
    ) -> Bool {
        let expected = Array(signature.utf8)
        var matched = false
        for candidate in SignedURL(url).variants {
            let computed = sign(url: candidate, parameters: parameters, key: key, algorithm: algorithm)
            matched = HMAC.constantTimeEqual(Array(computed.utf8), expected) || matched
        }
        return matched
    }

    private static func isValid(
        _ signature: String,
        url: String,
        body: [UInt8],
        key: UnsafeRawBufferPointer,
        algorithm: HMAC.Algorithm
    ) -> Bool {
        guard let declared = SignedURL(url).queryValue(named: "bodySHA256") else {
            return false
        }
        let hashMatches = HMAC.constantTimeEqual(Array(Digest.hex(Digest.sha256(body)).utf8), Array(declared.utf8))
        let signatureMatches = isValid(signature, url: url, parameters: [], key: key, algorithm: algorithm)
        return hashMatches && signatureMatches
    }

    /// The text that is signed: the URL, then each name and value in code point order.
    ///
    /// Names and values are compared and de-duplicated by their Unicode scalars, as Python
    /// does; Swift's `String` equality would merge canonical equivalents such as `é` and `e\u{301}`.
    static func signedText(url: String, parameters: [(name: String, value: String)]) -> String {
        var valuesByName: [[Unicode.Scalar]: Set<[Unicode.Scalar]>] = [:]
        for parameter in parameters {
            valuesByName[Array(parameter.name.unicodeScalars), default: []].insert(
                Array(parameter.value.unicodeScalars)
            )
        }
        var text = String.UnicodeScalarView(url.unicodeScalars)
        for name in valuesByName.keys.sorted(by: codePointOrder) {
            for value in valuesByName[name, default: []].sorted(by: codePointOrder) {
                text.append(contentsOf: name)
                text.append(contentsOf: value)
            }
        }
        return String(text)
    }

    /// Orders scalar sequences by their values, as Python sorts `str`.
    private static func codePointOrder(_ lhs: [Unicode.Scalar], _ rhs: [Unicode.Scalar]) -> Bool {
        lhs.lexicographicallyPrecedes(rhs) { $0.value < $1.value }
    }
}
