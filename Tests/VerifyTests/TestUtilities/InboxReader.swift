import Foundation
import GatewayTestSupport

/// Reads `GET /sandbox/inbox/{address}` with Python's `urllib`, as a developer's script would.
enum InboxReader {
    struct Response: Decodable {
        var status: Int
        var body: String

        /// The body parsed as JSON.
        func json() throws -> Inbox {
            try JSONDecoder().decode(Inbox.self, from: Data(body.utf8))
        }
    }

    struct Inbox: Decodable, Equatable {
        var address: String
        var deliveries: [Delivery]
    }

    struct Delivery: Decodable, Equatable {
        var sid: String
        var channel: String
        var to: String
        var from: String?
        var body: String
        var code: String?
        var locale: String?
        var dateCreated: String

        enum CodingKeys: String, CodingKey {
            case sid, channel, to, from, body, code, locale
            case dateCreated = "date_created"
        }
    }

    /// Fetches the inbox of `address` (percent-encoded into the path) with `user`/`password`,
    /// or with no credentials when `user` is `nil`.
    static func read(_ address: String, baseURL: String, user: String?, password: String?) async throws -> Response {
        try await PythonPeer.runJSON(
            Response.self,
            script,
            arguments: [baseURL, address, user ?? "", password ?? ""]
        )
    }

    static let script = #"""
        import base64, json, sys, urllib.error, urllib.parse, urllib.request

        base, address, user, password = sys.argv[1:5]
        request = urllib.request.Request(base + "/sandbox/inbox/" + urllib.parse.quote(address, safe=""))
        if user:
            token = base64.b64encode((user + ":" + password).encode()).decode()
            request.add_header("Authorization", "Basic " + token)
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        try:
            with opener.open(request, timeout=20) as response:
                status, body = response.status, response.read()
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read()
        print(json.dumps({"status": status, "body": body.decode("utf-8")}))
        """#
}
