internal import GatewayCrypto

/// Signs the sandbox's webhooks the way Twilio does (`X-Twilio-Signature`): HMAC-SHA1, keyed
/// with the account's auth token, of the URL followed by each parameter name and value, names
/// in code-point order and each name's distinct values in code-point order; then base64.
///
/// A duplicate of what `GatewayCrypto` will offer as `TwilioSignature`; the two are to be
/// merged into that one signer once both exist on main.
enum CallbackSigner {
    /// The signature of a POST of `parameters` to `url`.
    ///
    /// - Parameters:
    ///   - url: The URL exactly as requested, query included, fragment left out.
    ///   - parameters: The form-decoded body.
    ///   - authToken: The account's auth token.
    /// - Returns: The header value.
    static func signature(url: String, parameters: [(name: String, value: String)], authToken: String) -> String {
        var data = url
        for name in Set(parameters.map(\.name)).sorted(by: codePointOrder) {
            let values = Set(parameters.filter { $0.name == name }.map(\.value))
            for value in values.sorted(by: codePointOrder) {
                data += name + value
            }
        }
        let code = HMAC.authenticationCode(.sha1, key: Array(authToken.utf8), message: Array(data.utf8))
        return Base64.encode(code)
    }

    /// Orders by Unicode scalar values, as Python sorts strings.
    private static func codePointOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.unicodeScalars.lexicographicallyPrecedes(rhs.unicodeScalars) { $0.value < $1.value }
    }
}
