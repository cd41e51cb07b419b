internal import Foundation

/// One line of recording_server.py's record: a request, a client that hung up, or a closed connection.
struct RecordedEvent: Decodable, Sendable {
    var event: String
    var connection: Int
    var method: String?
    var path: String?
    var headers: [[String]]?
    var bodyBase64: String?

    private enum CodingKeys: String, CodingKey {
        case event, connection, method, path, headers
        case bodyBase64 = "body_base64"
    }

    /// The value of the first header called `name`, ignoring case.
    func header(_ name: String) -> String? {
        headers?.first { $0.first?.lowercased() == name.lowercased() }?.last
    }

    /// The request body as text.
    var body: String {
        bodyBase64.flatMap { Data(base64Encoded: $0) }.map { String(decoding: $0, as: UTF8.self) } ?? ""
    }

    /// The body decoded as `application/x-www-form-urlencoded`.
    var form: FormFields {
        FormFields(decoding: body)
    }

    /// The user and password of an HTTP Basic `Authorization` header.
    var basicCredentials: (user: String, password: String)? {
        guard let value = header("Authorization"), value.hasPrefix("Basic "),
            let data = Data(base64Encoded: String(value.dropFirst("Basic ".count)))
        else {
            return nil
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let colon = text.firstIndex(of: ":") else {
            return nil
        }
        return (String(text[..<colon]), String(text[text.index(after: colon)...]))
    }
}
