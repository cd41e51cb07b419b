import Foundation
import GatewayTestSupport

/// A Python HTTP client driven by a JSON plan, and the Swift side of its plans and answers.
///
/// Modes:
/// - `sequence`: the requests one after another on one `http.client` connection (keep-alive).
/// - `concurrent`: each request on its own connection, all at once from a thread pool.
/// - `raw`: bytes written to a plain socket in pieces (with a pause after each), then
///   everything read until the server closes or the client times out.
enum HTTPClientScript {
    struct Request: Encodable {
        var method: String
        var path: String
        var headers: [String: String] = [:]
        var body: String?
    }

    struct Response: Decodable {
        var status: Int
        var headers: [[String]]
        var body: String
        var error: String?

        func header(_ name: String) -> String? {
            headers.first { $0.first?.lowercased() == name.lowercased() }?.last
        }
    }

    struct RawResult: Decodable {
        var received: String
        var closed: Bool
        var elapsed: Double
        var error: String?

        var statusLine: String {
            String(received.prefix { $0 != "\r\n" })
        }
    }

    private struct Plan: Encodable {
        var mode: String
        var host: String
        var port: Int
        var requests: [Request] = []
        var pieces: [String] = []
        var pause: Double = 0
        var timeout: Double = 10
    }

    static func sequence(_ requests: [Request], port: Int, host: String = "127.0.0.1") async throws -> [Response] {
        try await run([Response].self, Plan(mode: "sequence", host: host, port: port, requests: requests))
    }

    static func concurrent(_ requests: [Request], port: Int) async throws -> [Response] {
        try await run([Response].self, Plan(mode: "concurrent", host: "127.0.0.1", port: port, requests: requests))
    }

    static func raw(_ pieces: [String], pause: Double = 0, timeout: Double = 10, port: Int) async throws -> RawResult {
        let plan = Plan(mode: "raw", host: "127.0.0.1", port: port, pieces: pieces, pause: pause, timeout: timeout)
        return try await run(RawResult.self, plan)
    }

    private static func run<T: Decodable>(_ type: T.Type, _ plan: Plan) async throws -> T {
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        return try await PythonPeer.runJSON(T.self, source, arguments: [json])
    }

    static let source = #"""
        import http.client, json, socket, sys, time
        from concurrent.futures import ThreadPoolExecutor

        plan = json.loads(sys.argv[1])
        host, port = plan["host"], plan["port"]

        def send(conn, r):
            body = r.get("body")
            conn.request(r["method"], r["path"], body=None if body is None else body.encode("utf-8"),
                         headers=r.get("headers") or {})
            resp = conn.getresponse()
            return {"status": resp.status, "headers": [[k, v] for k, v in resp.getheaders()],
                    "body": resp.read().decode("utf-8", "replace")}

        def alone(r):
            conn = http.client.HTTPConnection(host, port, timeout=30)
            try:
                return send(conn, r)
            except Exception as e:
                return {"status": -1, "headers": [], "body": "", "error": repr(e)}
            finally:
                conn.close()

        mode = plan["mode"]
        if mode == "sequence":
            conn = http.client.HTTPConnection(host, port, timeout=10)
            out = [send(conn, r) for r in plan["requests"]]
        elif mode == "concurrent":
            with ThreadPoolExecutor(max_workers=len(plan["requests"]) or 1) as pool:
                out = list(pool.map(alone, plan["requests"]))
        else:
            start = time.monotonic()
            received, closed, error = b"", False, None
            try:
                s = socket.create_connection((host, port), timeout=plan["timeout"])
            except OSError as e:
                s, closed, error = None, True, "connect:" + type(e).__name__
            if s is not None:
                try:
                    for piece in plan["pieces"]:
                        s.sendall(piece.encode("latin-1"))
                        time.sleep(plan["pause"])
                except OSError as e:
                    error = "send:" + type(e).__name__
                try:
                    while True:
                        chunk = s.recv(65536)
                        if not chunk:
                            closed = True
                            break
                        received += chunk
                except socket.timeout:
                    error = error or "timeout"
                except OSError as e:
                    closed, error = True, error or type(e).__name__
            out = {"received": received.decode("latin-1"), "closed": closed,
                   "elapsed": time.monotonic() - start, "error": error}
        print(json.dumps(out))
        """#
}
