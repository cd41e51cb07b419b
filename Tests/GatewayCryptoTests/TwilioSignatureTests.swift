import Foundation
import GatewayCrypto
import ServiceSupport
import Testing

/// `Tests/Fixtures/twilio-signature-vectors.json` is a copy of
/// `shared/reference/twilio-signature-vectors.json`, made with twilio-python 9.13.0's
/// `RequestValidator`.
struct SignatureVector: Decodable, Sendable, CustomTestStringConvertible {
    var id: String
    var authToken: String
    var url: String
    var signedURL: String?
    var params: [[String]]
    var body: String?
    var signedString: String?
    var expectedSignature: String?
    var expectValid: Bool
    var algorithm: String?

    enum CodingKeys: String, CodingKey {
        case id
        case authToken = "auth_token"
        case url
        case signedURL = "signed_url"
        case params
        case body
        case signedString = "signed_string"
        case expectedSignature = "expected_signature"
        case expectValid = "expect_valid"
        case algorithm
    }

    var testDescription: String {
        id
    }

    var parameters: [(name: String, value: String)] {
        params.map { (name: $0[0], value: $0[1]) }
    }

    var hashAlgorithm: HMAC.Algorithm {
        algorithm == "HMAC_SHA256" ? .sha256 : .sha1
    }

    static let all: [SignatureVector] = {
        struct File: Decodable {
            var vectors: [SignatureVector]
        }
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/twilio-signature-vectors.json")
        do {
            return try JSONDecoder().decode(File.self, from: Data(contentsOf: path)).vectors
        } catch {
            preconditionFailure("cannot read \(path.path): \(error)")
        }
    }()

    static let positive = all.filter(\.expectValid)
    static let negative = all.filter { !$0.expectValid }
}

@Suite("X-Twilio-Signature")
struct TwilioSignatureTests {
    @Test("the vectors file holds 16 positive and 6 negative vectors")
    func vectorCount() {
        #expect(SignatureVector.positive.count == 16)
        #expect(SignatureVector.negative.count == 6)
    }

    @Test("signs every positive vector as twilio-python does", arguments: SignatureVector.positive)
    func signs(vector: SignatureVector) {
        let signature = TwilioSignature.sign(
            url: vector.signedURL ?? vector.url,
            parameters: vector.body == nil ? vector.parameters : [],
            authToken: vector.authToken,
            algorithm: vector.hashAlgorithm
        )
        #expect(signature == vector.expectedSignature)
    }

    @Test("signs every positive vector with the key held as SecretBytes", arguments: SignatureVector.positive)
    func signsWithSecretBytes(vector: SignatureVector) {
        let signature = TwilioSignature.sign(
            url: vector.signedURL ?? vector.url,
            parameters: vector.body == nil ? vector.parameters : [],
            secret: SecretBytes(vector.authToken),
            algorithm: vector.hashAlgorithm
        )
        #expect(signature == vector.expectedSignature)
    }

    @Test(
        "accepts every positive vector, keyed by text or by SecretBytes",
        arguments: SignatureVector.positive,
        [false, true]
    )
    func acceptsPositive(vector: SignatureVector, keyedByBytes: Bool) throws {
        let signature = try #require(vector.expectedSignature)
        #expect(isValid(signature, vector, keyedByBytes: keyedByBytes))
    }

    @Test(
        "rejects every negative vector, keyed by text or by SecretBytes",
        arguments: SignatureVector.negative,
        [false, true]
    )
    func rejectsNegative(vector: SignatureVector, keyedByBytes: Bool) {
        #expect(!isValid(vector.expectedSignature ?? "", vector, keyedByBytes: keyedByBytes))
    }

    @Test("signs the text twilio-python signs: code point order, repeated and duplicate values")
    func signedText() {
        let parameters: [(name: String, value: String)] = [
            ("b", "2"), ("_x", "u"), ("Z", "z"), ("a", "\u{E9}"), ("b", "1"), ("b", "2"), ("A", ""), ("a", "e\u{301}"),
        ]
        let expected = "https://h.test/pAZz_xuae\u{301}a\u{E9}b1b2"
        #expect(
            TwilioSignature.sign(url: "https://h.test/p", parameters: parameters, authToken: "t")
                == TwilioSignature.sign(url: expected, parameters: [], authToken: "t")
        )
    }

    @Test("tries the URL with and without its port, never another scheme")
    func portVariants() {
        let parameters: [(name: String, value: String)] = [("CallSid", "CA1")]
        let signedWithout = TwilioSignature.sign(url: "http://127.0.0.1/cb", parameters: parameters, authToken: "t")
        #expect(
            TwilioSignature.isValid(
                signedWithout,
                url: "http://127.0.0.1:80/cb",
                parameters: parameters,
                authToken: "t"
            )
        )
        let signedWith = TwilioSignature.sign(url: "http://127.0.0.1:80/cb", parameters: parameters, authToken: "t")
        #expect(TwilioSignature.isValid(signedWith, url: "http://127.0.0.1/cb", parameters: parameters, authToken: "t"))
        let onPort = TwilioSignature.sign(url: "http://127.0.0.1:8080/cb?a=1", parameters: parameters, authToken: "t")
        #expect(
            TwilioSignature.isValid(onPort, url: "http://127.0.0.1:8080/cb?a=1", parameters: parameters, authToken: "t")
        )
        #expect(
            !TwilioSignature.isValid(
                onPort,
                url: "http://127.0.0.1:8081/cb?a=1",
                parameters: parameters,
                authToken: "t"
            )
        )
        #expect(
            !TwilioSignature.isValid(signedWithout, url: "https://127.0.0.1/cb", parameters: parameters, authToken: "t")
        )
    }

    private func isValid(_ signature: String, _ vector: SignatureVector, keyedByBytes: Bool) -> Bool {
        let secret = SecretBytes(vector.authToken)
        if let body = vector.body {
            return keyedByBytes
                ? TwilioSignature.isValid(
                    signature,
                    url: vector.url,
                    body: Array(body.utf8),
                    secret: secret,
                    algorithm: vector.hashAlgorithm
                )
                : TwilioSignature.isValid(
                    signature,
                    url: vector.url,
                    body: Array(body.utf8),
                    authToken: vector.authToken,
                    algorithm: vector.hashAlgorithm
                )
        }
        return keyedByBytes
            ? TwilioSignature.isValid(
                signature,
                url: vector.url,
                parameters: vector.parameters,
                secret: secret,
                algorithm: vector.hashAlgorithm
            )
            : TwilioSignature.isValid(
                signature,
                url: vector.url,
                parameters: vector.parameters,
                authToken: vector.authToken,
                algorithm: vector.hashAlgorithm
            )
    }
}
