import Foundation
import GatewayTestSupport

/// A Python `urllib` client for the sandbox's REST API: each request with its own Basic
/// credentials (or none), form fields or a raw body, answered with status, headers and body.
enum RESTScript {
    struct Request: Encodable {
        var method: String
        var path: String
        var user: String?
        var password: String?
        var form: [[String]]?
        var rawBody: String?
        var contentType: String?
        /// A raw `Authorization` header, sent instead of `user`/`password`.
        var authorization: String?

        /// A request authenticated as `account`.
        static func authenticated(
            _ method: String,
            _ path: String,
            form: [(String, String)]? = nil,
            as account: (sid: String, token: String)
        ) -> Request {
            Request(
                method: method,
                path: path,
                user: account.sid,
                password: account.token,
                form: form.map { $0.map { [$0.0, $0.1] } }
            )
        }
    }

    struct Response: Decodable {
        var status: Int
        var headers: [String: String]
        var body: String
        /// Seconds from sending the request to reading the whole answer.
        var elapsed: Double

        /// The body parsed as a JSON object.
        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any] else {
                throw PythonPeer.Failure(description: "body is not a JSON object: \(body)")
            }
            return object
        }
    }

    static func run(_ requests: [Request], baseURL: String) async throws -> [Response] {
        let plan = String(decoding: try JSONEncoder().encode(requests), as: UTF8.self)
        return try await PythonPeer.runJSON([Response].self, source, arguments: [baseURL, plan])
    }

    static let source = #"""
        import base64, json, sys, time, urllib.error, urllib.parse, urllib.request

        base, plan = sys.argv[1], json.loads(sys.argv[2])
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        out = []
        for r in plan:
            data = None
            headers = {}
            if r.get("form") is not None:
                data = urllib.parse.urlencode([tuple(pair) for pair in r["form"]]).encode()
                headers["Content-Type"] = "application/x-www-form-urlencoded"
            if r.get("rawBody") is not None:
                data = r["rawBody"].encode()
            if r.get("contentType") is not None:
                headers["Content-Type"] = r["contentType"]
            if r.get("user") is not None:
                pair = (r["user"] + ":" + (r.get("password") or "")).encode()
                headers["Authorization"] = "Basic " + base64.b64encode(pair).decode()
            if r.get("authorization") is not None:
                headers["Authorization"] = r["authorization"]
            req = urllib.request.Request(base + r["path"], data=data, headers=headers, method=r["method"])
            start = time.monotonic()
            try:
                with opener.open(req, timeout=20) as resp:
                    status, hdrs, body = resp.status, dict(resp.headers), resp.read()
            except urllib.error.HTTPError as e:
                status, hdrs, body = e.code, dict(e.headers), e.read()
            out.append({"status": status, "headers": hdrs, "body": body.decode("utf-8", "replace"),
                        "elapsed": time.monotonic() - start})
        print(json.dumps(out))
        """#
}
