internal import Foundation

/// A Python peer that holds many connections to an HTTP port, each with half a request sent,
/// the way a client starving the port would, and meanwhile asks for one path from the same
/// address and from another.
///
/// Each connection is bound to a chosen loopback source address before it connects, so one
/// listener on `127.0.0.1` sees clients from two addresses (`127.0.0.1` and `127.0.0.2`).
public enum HalfRequestFlood {
    /// What the peer saw.
    public struct Outcome: Decodable, Sendable {
        /// The connections the server kept open, out of those opened.
        public var held: Int
        /// The status of the request from the flooding address, or `nil` when the server closed
        /// that connection without an answer.
        public var sameAddressStatus: Int?
        /// The status of the request from the other address, or `nil` without an answer.
        public var otherAddressStatus: Int?
    }

    private struct Plan: Encodable {
        var host: String
        var port: Int
        var count: Int
        var source: String
        var otherSource: String
        var path: String
        var settle: Double
    }

    /// Opens `count` connections from `source`, waits `settle` seconds, counts those still
    /// open, then requests `path` from `source` and from `otherSource`, and closes everything.
    public static func run(
        port: Int,
        count: Int,
        path: String,
        host: String = "127.0.0.1",
        source: String = "127.0.0.1",
        otherSource: String = "127.0.0.2",
        settle: Double = 0.5
    ) async throws -> Outcome {
        let plan = Plan(
            host: host,
            port: port,
            count: count,
            source: source,
            otherSource: otherSource,
            path: path,
            settle: settle
        )
        let json = String(decoding: try JSONEncoder().encode(plan), as: UTF8.self)
        return try await PythonPeer.runJSON(Outcome.self, script, arguments: [json], timeout: .seconds(60))
    }

    private static let script = #"""
        import json, socket, sys, time

        plan = json.loads(sys.argv[1])
        target = (plan["host"], plan["port"])

        def connect(source):
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind((source, 0))
            s.settimeout(5)
            s.connect(target)
            return s

        def is_open(s):
            s.setblocking(False)
            try:
                return s.recv(1) != b""
            except BlockingIOError:
                return True
            except OSError:
                return False

        def status(source):
            try:
                s = connect(source)
                s.sendall(("GET %s HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n" % plan["path"]).encode())
                received = b""
                while b"\r\n" not in received:
                    chunk = s.recv(4096)
                    if not chunk:
                        break
                    received += chunk
                s.close()
                parts = received.split(b" ")
                return int(parts[1]) if len(parts) > 1 and received.startswith(b"HTTP/") else None
            except OSError:
                return None

        held = []
        for _ in range(plan["count"]):
            try:
                s = connect(plan["source"])
                s.sendall(b"GET " + plan["path"].encode() + b" HTTP/1.1\r\nHost: te")
                held.append(s)
            except OSError:
                pass
        time.sleep(plan["settle"])
        still_open = [s for s in held if is_open(s)]
        out = {"held": len(still_open), "sameAddressStatus": status(plan["source"]),
               "otherAddressStatus": status(plan["otherSource"])}
        for s in held:
            s.close()
        print(json.dumps(out))
        """#
}
