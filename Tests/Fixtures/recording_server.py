#!/usr/bin/env python3
"""A recording HTTP peer for the TwilioREST tests.

Binds 127.0.0.1 on the given port (0 picks one), prints the bound port as the first line on
stdout, then serves HTTP/1.1 with keep-alive. Every request is appended to the recording file as
one JSON object per line:

    {"event": "request", "connection": 3, "client_port": 51234, "method": "POST",
     "path": "/2010-04-01/...", "headers": [["Host", "127.0.0.1:8000"], ...],
     "body_base64": "..."}

`connection` numbers the TCP connections in the order they were accepted. When a stalled request
sees its client go away, the line {"event": "client_disconnected", "connection": 3, "path": ...}
is appended; when a connection ends, for whatever reason, {"event": "connection_closed",
"connection": 3} is.

The answers come from a JSON config file:

    {"routes": [{"method": "POST", "path": "/exact/path", "status": 201,
                 "json": {...} | "text": "...", "content_type": "...",
                 "headers": {"Retry-After": "3"},
                 "stall_seconds": 10, "body_size": 4096, "chunked": true}],
     "default": {...route fields...}}

A route matches on the exact path (the query string is ignored) and, when given, the method. A
request matching no route gets `default`, or a Twilio-shaped 404 with code 20404.

The server exits when its standard input reaches end of file, so it never outlives the test
process that started it with a pipe there. Only the standard library is used, so the peer does not share code with the client under test.
"""

import argparse
import base64
import json
import os
import select
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

NOT_FOUND = {
    "status": 404,
    "json": {
        "code": 20404,
        "message": "The requested resource was not found",
        "more_info": "https://www.twilio.com/docs/errors/20404",
        "status": 404,
    },
}


class Recorder:
    """Appends JSON lines to a file, one writer at a time, flushed before the answer is sent."""

    def __init__(self, path):
        self.lock = threading.Lock()
        self.file = open(path, "a", encoding="utf-8")
        self.connections = 0

    def next_connection(self):
        with self.lock:
            self.connections += 1
            return self.connections

    def write(self, entry):
        line = json.dumps(entry, ensure_ascii=True)
        with self.lock:
            self.file.write(line + "\n")
            self.file.flush()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "RecordingServer/1"

    def setup(self):
        super().setup()
        self.connection_number = self.server.recorder.next_connection()

    def finish(self):
        super().finish()
        self.server.recorder.write({"event": "connection_closed", "connection": self.connection_number})

    def log_message(self, format, *args):
        pass

    def do_GET(self):
        self.serve()

    def do_POST(self):
        self.serve()

    def do_DELETE(self):
        self.serve()

    def serve(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        path = self.path.split("?", 1)[0]
        self.server.recorder.write(
            {
                "event": "request",
                "connection": self.connection_number,
                "client_port": self.client_address[1],
                "method": self.command,
                "path": self.path,
                "headers": [[name, value] for name, value in self.headers.items()],
                "body_base64": base64.b64encode(body).decode("ascii"),
            }
        )
        route = self.server.find_route(self.command, path)
        stall = float(route.get("stall_seconds", 0))
        if stall > 0 and not self.stall(stall, path):
            return
        self.answer(route)

    def stall(self, seconds, path):
        """Waits `seconds`; returns False (and records it) if the client hung up meanwhile."""
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            readable, _, _ = select.select([self.connection], [], [], 0.05)
            if readable and self.connection.recv(1, 2) == b"":  # 2 = MSG_PEEK
                self.server.recorder.write(
                    {"event": "client_disconnected", "connection": self.connection_number, "path": path}
                )
                self.close_connection = True
                return False
        return True

    def answer(self, route):
        if "json" in route:
            payload = json.dumps(route["json"]).encode("utf-8")
            content_type = route.get("content_type", "application/json")
        else:
            payload = route.get("text", "").encode("utf-8")
            content_type = route.get("content_type", "text/plain")
        if "body_size" in route:
            payload = b"x" * int(route["body_size"])
        self.send_response(int(route.get("status", 200)))
        self.send_header("Content-Type", content_type)
        for name, value in route.get("headers", {}).items():
            self.send_header(name, value)
        if route.get("chunked"):
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for start in range(0, len(payload), 1024):
                chunk = payload[start : start + 1024]
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)


class Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 64

    def __init__(self, port, config, recorder):
        super().__init__(("127.0.0.1", port), Handler)
        self.config = config
        self.recorder = recorder

    def find_route(self, method, path):
        for route in self.config.get("routes", []):
            if route.get("path") == path and route.get("method", method) == method:
                return route
        return self.config.get("default", NOT_FOUND)


def exit_when_stdin_closes():
    """Ends the process once the parent closes our standard input (or dies)."""
    while sys.stdin.buffer.read(4096):
        pass
    os._exit(0)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--config", required=True, help="JSON file with routes")
    parser.add_argument("--record", required=True, help="file that receives one JSON line per request")
    arguments = parser.parse_args()

    with open(arguments.config, encoding="utf-8") as file:
        config = json.load(file)
    server = Server(arguments.port, config, Recorder(arguments.record))
    print(server.server_address[1], flush=True)
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    server.serve_forever()


if __name__ == "__main__":
    main()
