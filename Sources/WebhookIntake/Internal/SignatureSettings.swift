internal import GatewayCrypto

/// The `X-Twilio-Webhooks-Signature-Settings` header Twilio adds when a Webhooks rule signs with
/// a shared key instead of the auth token: `key=<id>,algorithm=HMAC_SHA256`.
struct SignatureSettings: Equatable, Sendable {
    /// The header's name.
    static let headerName = "X-Twilio-Webhooks-Signature-Settings"

    /// The shared key's id.
    var keyID: String
    /// The hash function the header names.
    var algorithm: HMAC.Algorithm

    /// Reads the header, or returns `nil` when it names no key or an algorithm other than
    /// `HMAC_SHA256` or `HMAC_SHA1`.
    init?(header: String) {
        var keyID: String?
        var algorithm: HMAC.Algorithm?
        for item in header.split(separator: ",") {
            let pair = item.split(separator: "=", maxSplits: 1).map { $0.trimmingSpaces }
            guard pair.count == 2 else {
                continue
            }
            switch pair[0].lowercased() {
            case "key": keyID = pair[1]
            case "algorithm":
                switch pair[1].uppercased() {
                case "HMAC_SHA256": algorithm = .sha256
                case "HMAC_SHA1": algorithm = .sha1
                default: return nil
                }
            default: continue
            }
        }
        guard let keyID, !keyID.isEmpty, let algorithm else {
            return nil
        }
        self.keyID = keyID
        self.algorithm = algorithm
    }
}

extension Substring {
    /// The text without leading and trailing spaces and tabs.
    fileprivate var trimmingSpaces: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
