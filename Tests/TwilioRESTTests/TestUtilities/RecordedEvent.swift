internal import Foundation

@testable internal import TwilioREST

/// One line of the recording server's file: a request, a client that hung up during a stall, or
/// a connection that ended.
struct RecordedEvent: Decodable, Sendable {
    /// `request`, `client_disconnected` or `connection_closed`.
    var event: String
    /// The TCP connection's number, counted by the server from 1 in accept order.
    var connection: Int
    var clientPort: Int?
    var method: String?
    /// The path as sent, query included; empty for `connection_closed`.
    var path: String
    var headers: [[String]]?
    var bodyBase64: String?

    enum CodingKeys: String, CodingKey {
        case event
        case connection
        case clientPort = "client_port"
        case method
        case path
        case headers
        case bodyBase64 = "body_base64"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        event = try container.decode(String.self, forKey: .event)
        connection = try container.decode(Int.self, forKey: .connection)
        clientPort = try container.decodeIfPresent(Int.self, forKey: .clientPort)
        method = try container.decodeIfPresent(String.self, forKey: .method)
        path = try container.decodeIfPresent(String.self, forKey: .path) ?? ""
        headers = try container.decodeIfPresent([[String]].self, forKey: .headers)
        bodyBase64 = try container.decodeIfPresent(String.self, forKey: .bodyBase64)
    }

    /// The first header called `name`, compared without regard to case.
    func header(_ name: String) -> String? {
        headers?.first { $0.first?.lowercased() == name.lowercased() }?.last
    }

    /// The raw body.
    var body: [UInt8] {
        bodyBase64.flatMap { Data(base64Encoded: $0) }.map { Array($0) } ?? []
    }

    /// The body as text.
    var bodyText: String {
        String(decoding: body, as: UTF8.self)
    }

    /// The user and password of the Basic `Authorization` header, decoded.
    var basicCredentials: String? {
        guard let value = header("Authorization"), value.hasPrefix("Basic ") else {
            return nil
        }
        return Data(base64Encoded: String(value.dropFirst("Basic ".count))).map { String(decoding: $0, as: UTF8.self) }
    }
}
