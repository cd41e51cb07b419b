import Foundation
import Testing

/// A GraphQL over Server-Sent Events client in Python, on plain `http.client`: it sends the
/// request, parses `text/event-stream` line by line as the SSE format says, and reports the
/// events and comments it saw.
///
/// Modes:
/// - `read`: reads until the server ends the response;
/// - `until`: reads until `events` events or `comments` comments arrived, then hangs up;
/// - `limit`: opens `hold` streams and reads each to its first event, then sends one more
///   request and reports its answer (and, with `otherSource`, one more from that loopback
///   address), then hangs up on all;
/// - `parallel`: reads `hold` streams at once, each on a thread of its own, to their ends.
enum EventStreamClient {
    struct Request: Encodable {
        var body: String
        var method = "POST"
        var path = "/graphql"
        var accept = "text/event-stream"
    }

    struct Event: Decodable, Equatable, CustomStringConvertible {
        var event: String
        var data: String

        var description: String {
            "\(event): \(data)"
        }
    }

    struct Stream: Decodable {
        var status: Int
        var headers: [String: String]
        var events: [Event]
        var comments: Int
        /// Whether the server ended the response (rather than the client hanging up).
        var ended: Bool
        /// The body, when the response was not an event stream.
        var body: String
    }

    struct LimitResult: Decodable {
        var held: [Stream]
        var extra: Stream
        /// The answer to the request from the other address, when one was asked for.
        var other: Stream?
    }

    private struct Plan: Encodable {
        var mode: String
        var port: Int
        var request: Request
        var events = 0
        var comments = 0
        var hold = 0
        var otherSource: String?
    }

    /// Reads a whole stream.
    static func read(_ request: Request, port: Int) async throws -> Stream {
        try await run(Stream.self, Plan(mode: "read", port: port, request: request))
    }

    /// Reads until `events` events or `comments` comments arrived, then hangs up.
    static func read(_ request: Request, port: Int, untilEvents events: Int = 0, orComments comments: Int = 0)
        async throws -> Stream
    {
        try await run(
            Stream.self,
            Plan(mode: "until", port: port, request: request, events: events, comments: comments)
        )
    }

    /// Holds `count` streams open (each to its first event), then sends `request` once more, and
    /// once more from the loopback address `otherSource` (such as `127.0.0.2`) when it is given.
    static func limit(_ request: Request, port: Int, holding count: Int, thenFrom otherSource: String? = nil)
        async throws -> LimitResult
    {
        try await run(
            LimitResult.self,
            Plan(mode: "limit", port: port, request: request, hold: count, otherSource: otherSource)
        )
    }

    /// Reads `count` streams at once, each to its end.
    static func parallel(_ request: Request, port: Int, count: Int) async throws -> [Stream] {
        try await run([Stream].self, Plan(mode: "parallel", port: port, request: request, hold: count))
    }

    private static func run<T: Decodable>(_ type: T.Type, _ plan: Plan) async throws -> T {
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        let outcome = try await Python.runAsync(["-c", source, json])
        try #require(outcome.status == 0, "the SSE client failed: \(outcome.errorOutput)")
        return try JSONDecoder().decode(T.self, from: Data(outcome.output.utf8))
    }

    static let source = #"""
        import http.client, json, sys
        from concurrent.futures import ThreadPoolExecutor

        plan = json.loads(sys.argv[1])
        request = plan["request"]

        def open_stream(source="127.0.0.1"):
            conn = http.client.HTTPConnection("127.0.0.1", plan["port"], timeout=20, source_address=(source, 0))
            body = request["body"].encode("utf-8") if request["method"] == "POST" else None
            path = request["path"]
            if request["method"] == "GET":
                path += "?" + request["body"]
            conn.request(request["method"], path, body=body, headers={
                "Content-Type": "application/json", "Accept": request["accept"]})
            return conn, conn.getresponse()

        def stream(conn, resp, stop=lambda events, comments: False):
            out = {"status": resp.status, "headers": {k.lower(): v for k, v in resp.getheaders()},
                   "events": [], "comments": 0, "ended": False, "body": ""}
            if not out["headers"].get("content-type", "").startswith("text/event-stream"):
                out["body"] = resp.read().decode("utf-8")
                out["ended"] = True
                return out
            name, data = "", []
            while not stop(len(out["events"]), out["comments"]):
                raw = resp.readline()
                if not raw:
                    out["ended"] = True
                    break
                line = raw.decode("utf-8").rstrip("\r\n")
                if line == "":
                    if data:
                        out["events"].append({"event": name or "message", "data": "\n".join(data)})
                    name, data = "", []
                elif line.startswith(":"):
                    out["comments"] += 1
                else:
                    field, _, value = line.partition(":")
                    value = value[1:] if value.startswith(" ") else value
                    if field == "event":
                        name = value
                    elif field == "data":
                        data.append(value)
            return out

        mode = plan["mode"]
        if mode == "read":
            conn, resp = open_stream()
            result = stream(conn, resp)
            conn.close()
        elif mode == "until":
            conn, resp = open_stream()
            result = stream(conn, resp, lambda e, c: (plan["events"] and e >= plan["events"])
                            or (plan["comments"] and c >= plan["comments"]))
            conn.sock.close()
            conn.close()
        elif mode == "parallel":
            def whole(_):
                conn, resp = open_stream()
                try:
                    return stream(conn, resp)
                finally:
                    conn.close()
            with ThreadPoolExecutor(max_workers=plan["hold"]) as pool:
                result = list(pool.map(whole, range(plan["hold"])))
        else:
            held = []
            for _ in range(plan["hold"]):
                conn, resp = open_stream()
                held.append((conn, stream(conn, resp, lambda e, c: e >= 1)))
            conn, resp = open_stream()
            extra = stream(conn, resp, lambda e, c: e >= 1)
            conn.close()
            other = None
            if plan.get("otherSource"):
                conn, resp = open_stream(plan["otherSource"])
                other = stream(conn, resp, lambda e, c: e >= 1)
                held.append((conn, other))
            for conn, _ in held:
                if conn.sock:
                    conn.sock.close()
                conn.close()
            if other is not None:
                held.pop()
            result = {"held": [h for _, h in held], "extra": extra, "other": other}
        print(json.dumps(result))
        """#
}
