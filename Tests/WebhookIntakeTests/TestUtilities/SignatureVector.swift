import Foundation
import Testing

/// One vector of `Tests/Fixtures/twilio-signature-vectors.json`, a copy of
/// `shared/reference/twilio-signature-vectors.json` made with twilio-python 9.13.0's
/// `RequestValidator`.
struct SignatureVector: Decodable, Sendable, CustomTestStringConvertible {
    var id: String
    var authToken: String
    var url: String
    var params: [[String]]
    var formBody: String?
    var body: String?
    var expectedSignature: String?
    var expectValid: Bool
    var algorithm: String?

    enum CodingKeys: String, CodingKey {
        case id
        case authToken = "auth_token"
        case url
        case params
        case formBody = "form_body"
        case body
        case expectedSignature = "expected_signature"
        case expectValid = "expect_valid"
        case algorithm
    }

    var testDescription: String {
        id
    }

    /// `scheme://authority` of ``url``: the public base the gateway is configured with.
    var base: String {
        let scheme = url.range(of: "://")!
        let rest = url[scheme.upperBound...]
        let end = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        return String(url[..<end])
    }

    /// The path of ``url``, where the endpoint is mounted and the request is sent.
    var path: String {
        let afterBase = url.dropFirst(base.count)
        return String(afterBase.prefix { $0 != "?" })
    }

    /// The query of ``url``, without `?`.
    var query: String {
        url.firstIndex(of: "?").map { String(url[url.index(after: $0)...]) } ?? ""
    }

    /// Whether the request is a `GET`: no body and no parameters.
    var isGet: Bool {
        body == nil && params.isEmpty
    }

    static let all: [SignatureVector] = {
        struct File: Decodable {
            var vectors: [SignatureVector]
        }
        let path = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/twilio-signature-vectors.json")
        do {
            return try JSONDecoder().decode(File.self, from: Data(contentsOf: path)).vectors
        } catch {
            preconditionFailure("cannot read \(path.path): \(error)")
        }
    }()
}
