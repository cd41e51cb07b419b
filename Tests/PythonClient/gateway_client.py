"""A small client for twilio-gateway's TWGW RPC protocol, written from docs/protocol.md.

It speaks version 1.0 of the protocol over one TCP connection with nothing but the standard
library; the Protobuf messages of Protos/ are handled by protoc's Python output, which the
command line loads from a directory:

    protoc --python_out=DIR -I Protos Protos/twilio/gateway/v1/*.proto
    python3 gateway_client.py --proto-dir DIR --port 50051 health
    python3 gateway_client.py --proto-dir DIR --port 50051 send-sms --to +15551234567 \\
        --from +15557654321 --body "hello"

The generated modules are loaded by file path rather than imported as `twilio.gateway.v1`,
because the `twilio` package from PyPI (Twilio's own helper library) would shadow that name.
Requires the `protobuf` package, 4.x (see requirements.txt), for the command line only;
`call_unary` works on bytes and needs no Protobuf at all.

With --tls-ca the connection runs inside TLS (the standard library's ssl module), verifying the
server's certificate against that CA file and the host name (or --tls-server-name); the preface
follows the handshake. The printed result then carries "tls_version".
"""

import argparse
import importlib
import json
import os
import socket
import ssl
import struct
import sys
import time
import warnings

PREFACE = b"TWGW\x01\x00\x00\x00"

SETTINGS, HEADERS, MESSAGE, TRAILERS, CANCEL, PING, GOAWAY = range(7)
END_STREAM = 0x01
ACK = 0x01

MAX_FRAME_SIZE = 1
MAX_CONCURRENT_CALLS = 2
DEFAULT_MAX_FRAME_SIZE = 4 * 1024 * 1024

STATUS_NAMES = [
    "OK", "CANCELLED", "UNKNOWN", "INVALID_ARGUMENT", "DEADLINE_EXCEEDED", "NOT_FOUND",
    "ALREADY_EXISTS", "PERMISSION_DENIED", "RESOURCE_EXHAUSTED", "FAILED_PRECONDITION",
    "ABORTED", "OUT_OF_RANGE", "UNIMPLEMENTED", "INTERNAL", "UNAVAILABLE", "DATA_LOSS",
    "UNAUTHENTICATED",
]
OK, CANCELLED, INVALID_ARGUMENT, DEADLINE_EXCEEDED = 0, 1, 3, 4
RESOURCE_EXHAUSTED, INTERNAL, UNAVAILABLE = 8, 13, 14


def status_name(code):
    """The gRPC name of a status code, or CODE_<n> for one this client does not know."""
    return STATUS_NAMES[code] if 0 <= code < len(STATUS_NAMES) else "CODE_%d" % code


class ProtocolError(Exception):
    """The server broke a rule of the protocol, or the connection ended unexpectedly."""


class RefusedByServer(Exception):
    """The server answered the handshake with GOAWAY: it will not take calls on this connection."""

    def __init__(self, code, message):
        super().__init__("%s: %s" % (status_name(code), message))
        self.code = code
        self.message = message


class Frame:
    """One frame: type, flags, stream ID and payload."""

    __slots__ = ("type", "flags", "stream_id", "payload")

    def __init__(self, frame_type, flags, stream_id, payload):
        self.type = frame_type
        self.flags = flags
        self.stream_id = stream_id
        self.payload = payload


def encode_frame(frame_type, flags, stream_id, payload=b""):
    """The 10-byte header (u32 length, u8 type, u8 flags, u32 stream ID) and the payload."""
    return struct.pack(">IBBI", len(payload), frame_type, flags, stream_id) + payload


def encode_headers(path, timeout_ms, metadata):
    """A HEADERS payload: path, timeout in milliseconds, metadata entries (section 5.2)."""
    path_bytes = path.encode("utf-8")
    parts = [struct.pack(">H", len(path_bytes)), path_bytes, struct.pack(">IH", timeout_ms, len(metadata))]
    for key, value in metadata:
        key_bytes = key.lower().encode("ascii")
        if not key_bytes or any(b < 0x21 or b > 0x7E for b in key_bytes):
            raise ValueError("metadata key %r must be printable ASCII without spaces" % key)
        value_bytes = value.encode("utf-8")
        parts += [struct.pack(">H", len(key_bytes)), key_bytes, struct.pack(">I", len(value_bytes)), value_bytes]
    return b"".join(parts)


def decode_trailers(payload):
    """(status code, message, details) from a TRAILERS payload (section 5.4)."""
    try:
        code = payload[0]
        (message_length,) = struct.unpack_from(">H", payload, 1)
        message_end = 3 + message_length
        message = payload[3:message_end].decode("utf-8")
        (details_length,) = struct.unpack_from(">I", payload, message_end)
        details = payload[message_end + 4:message_end + 4 + details_length]
    except (IndexError, struct.error, UnicodeDecodeError) as error:
        raise ProtocolError("malformed TRAILERS payload: %s" % error)
    if len(details) != details_length or message_end + 4 + details_length != len(payload):
        raise ProtocolError("malformed TRAILERS payload: the lengths do not match the payload")
    return code, message, bytes(details)


def decode_goaway(payload):
    """(last stream ID, status code, message) from a GOAWAY payload (section 5.7)."""
    if len(payload) < 7:
        raise ProtocolError("malformed GOAWAY payload of %d bytes" % len(payload))
    last_stream_id, code, length = struct.unpack_from(">IBH", payload, 0)
    return last_stream_id, code, payload[7:7 + length].decode("utf-8", errors="replace")


def decode_settings(payload):
    """A dict of setting ID to value from a SETTINGS payload (section 5.1)."""
    if len(payload) % 6 != 0:
        raise ProtocolError("malformed SETTINGS payload of %d bytes" % len(payload))
    return {key: value for key, value in struct.iter_unpack(">HI", payload)}


class Connection:
    """One TCP connection to a TWGW server, used for one call at a time."""

    def __init__(self, host, port, connect_timeout=10.0, max_frame_size=DEFAULT_MAX_FRAME_SIZE, tls=None):
        """tls, when given, is (ssl.SSLContext, server_hostname): the socket is wrapped before the preface."""
        self.max_frame_size = max_frame_size
        self.server_max_frame_size = DEFAULT_MAX_FRAME_SIZE
        self.next_stream_id = 1
        self.closed_reason = None
        self.tls_version = None
        self._buffer = bytearray()
        self._socket = socket.create_connection((host, port), timeout=connect_timeout)
        self._socket.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        if tls is not None:
            context, server_hostname = tls
            self._socket = context.wrap_socket(self._socket, server_hostname=server_hostname)
            self.tls_version = self._socket.version()
        self._socket.sendall(PREFACE + encode_frame(SETTINGS, 0, 0, struct.pack(">HI", MAX_FRAME_SIZE, max_frame_size)))
        self._handshake()

    def close(self):
        """Says goodbye with GOAWAY OK and closes the socket."""
        try:
            message = b"client closing"
            self._socket.sendall(encode_frame(GOAWAY, 0, 0, struct.pack(">IBH", 0, OK, len(message)) + message))
        except OSError:
            pass
        self._socket.close()

    def _handshake(self):
        preface = self._read_exactly(8)
        if preface[:4] != b"TWGW":
            raise ProtocolError("the server did not answer with the TWGW preface")
        if preface[4] != 1:
            raise ProtocolError("the server speaks TWGW version %d.%d, not 1.x" % (preface[4], preface[5]))
        while True:
            frame = self._read_frame()
            if frame.type == SETTINGS:
                self._apply_settings(frame)
                return
            if frame.type == GOAWAY:
                _, code, message = decode_goaway(frame.payload)
                raise RefusedByServer(code, message)
            if frame.type == PING:
                self._answer_ping(frame)

    def _apply_settings(self, frame):
        settings = decode_settings(frame.payload)
        if MAX_FRAME_SIZE in settings:
            self.server_max_frame_size = settings[MAX_FRAME_SIZE]

    def _answer_ping(self, frame):
        if not frame.flags & ACK:
            self._socket.sendall(encode_frame(PING, ACK, 0, frame.payload))

    def _read_exactly(self, count):
        while len(self._buffer) < count:
            chunk = self._socket.recv(65536)
            if not chunk:
                raise ProtocolError("the server closed the connection")
            self._buffer += chunk
        data = bytes(self._buffer[:count])
        del self._buffer[:count]
        return data

    def _read_frame(self):
        length, frame_type, flags, stream_id = struct.unpack(">IBBI", self._read_exactly(10))
        if length > self.max_frame_size:
            # Skip the payload without keeping it (section 7), then report the frame empty.
            remaining = length
            while remaining:
                remaining -= len(self._read_exactly(min(remaining, 65536)))
            return Frame(frame_type, flags, stream_id, None)
        return Frame(frame_type, flags, stream_id, self._read_exactly(length))

    def call_unary(self, path, request_bytes, timeout_ms=0, metadata=()):
        """Makes one unary call (section 6).

        Returns (status_code, message, details_bytes, response_bytes); response_bytes is the
        last MESSAGE received (b"" when none came). A local timeout sends CANCEL with
        DEADLINE_EXCEEDED; a lost connection gives UNAVAILABLE.
        """
        headers = encode_headers(path, timeout_ms, list(metadata))
        too_large = max(len(headers), len(request_bytes))
        if too_large > self.server_max_frame_size:
            return (RESOURCE_EXHAUSTED, "frame of %d bytes exceeds the server's limit of %d bytes"
                    % (too_large, self.server_max_frame_size), b"", b"")
        stream_id = self.next_stream_id
        self.next_stream_id += 1
        self._socket.sendall(encode_frame(HEADERS, 0, stream_id, headers)
                             + encode_frame(MESSAGE, END_STREAM, stream_id, request_bytes))

        deadline = time.monotonic() + timeout_ms / 1000.0 if timeout_ms else None
        response = b""
        try:
            while True:
                if deadline is not None:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise socket.timeout()
                    self._socket.settimeout(remaining)
                frame = self._read_frame()
                if frame.type == PING:
                    self._answer_ping(frame)
                elif frame.type == SETTINGS:
                    self._apply_settings(frame)
                elif frame.type == GOAWAY:
                    last_stream_id, code, message = decode_goaway(frame.payload)
                    self.closed_reason = message
                    if stream_id > last_stream_id:
                        return (code if code != OK else UNAVAILABLE,
                                "the server did not take the call: %s" % message, b"", b"")
                elif frame.stream_id != stream_id:
                    continue
                elif frame.payload is None:
                    self._socket.sendall(encode_frame(CANCEL, 0, stream_id, bytes([RESOURCE_EXHAUSTED])))
                    return RESOURCE_EXHAUSTED, "the server sent a frame over this client's limit", b"", b""
                elif frame.type == MESSAGE:
                    response = frame.payload
                elif frame.type == TRAILERS:
                    code, message, details = decode_trailers(frame.payload)
                    return code, message, details, response
        except socket.timeout:
            self._socket.sendall(encode_frame(CANCEL, 0, stream_id, bytes([DEADLINE_EXCEEDED])))
            return DEADLINE_EXCEEDED, "the call's deadline passed before the server answered", b"", b""
        except (ProtocolError, OSError) as error:
            return UNAVAILABLE, "connection lost: %s" % error, b"", b""
        finally:
            self._socket.settimeout(None)

    def ping(self):
        """Sends a PING and returns the round-trip time in seconds."""
        data = os.urandom(8)
        started = time.monotonic()
        self._socket.sendall(encode_frame(PING, 0, 0, data))
        while True:
            frame = self._read_frame()
            if frame.type == PING and frame.flags & ACK and frame.payload == data:
                return time.monotonic() - started
            if frame.type == PING:
                self._answer_ping(frame)


def call_unary(host, port, path, request_bytes, timeout_ms=0, metadata=(), tls=None):
    """Connects, makes one unary call, and closes.

    metadata is a sequence of (key, value) pairs or a dict; tls is as for Connection. Returns
    (status_code, message, details_bytes, response_bytes, tls_version). A refused connection or
    a failed TLS handshake gives UNAVAILABLE naming the address; a refusal by GOAWAY during the
    handshake gives that GOAWAY's code.
    """
    if isinstance(metadata, dict):
        metadata = list(metadata.items())
    try:
        connection = Connection(host, port, tls=tls)
    except RefusedByServer as refusal:
        refused = "the server at %s:%d refused the connection: %s" % (host, port, refusal.message)
        return refusal.code, refused, b"", b"", None
    except (OSError, ProtocolError) as error:
        return UNAVAILABLE, "cannot connect to %s:%d: %s" % (host, port, error), b"", b"", None
    try:
        return connection.call_unary(path, request_bytes, timeout_ms, metadata) + (connection.tls_version,)
    finally:
        connection.close()


# The command line: Protobuf in, Protobuf out.

def load_generated(proto_dir, name):
    """Imports twilio.gateway.v1.<name>_pb2 from protoc's output directory.

    The directory's packages are made regular packages and put first on sys.path, so that an
    installed `twilio` package cannot shadow them and generated modules that import one another
    (messaging imports errors) share one copy of each file.
    """
    path = os.path.join(proto_dir, "twilio", "gateway", "v1", name + "_pb2.py")
    if not os.path.exists(path):
        raise SystemExit("%s is missing: run protoc --python_out=%s -I Protos Protos/twilio/gateway/v1/*.proto"
                         % (path, proto_dir))
    for package in ("twilio", "twilio/gateway", "twilio/gateway/v1"):
        open(os.path.join(proto_dir, package, "__init__.py"), "a").close()
    if proto_dir not in sys.path:
        sys.path.insert(0, proto_dir)
    return importlib.import_module("twilio.gateway.v1." + name + "_pb2")


def main(argv=None):
    parser = argparse.ArgumentParser(description="Call twilio-gateway over the TWGW protocol.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--proto-dir", help="protoc --python_out directory (needed except for raw)")
    parser.add_argument("--timeout-ms", type=int, default=10000)
    parser.add_argument("--metadata", action="append", default=[], metavar="KEY=VALUE")
    parser.add_argument("--tls-ca", help="connect with TLS, trusting this CA file (PEM)")
    parser.add_argument("--tls-server-name", help="the name the certificate must carry (default: --host)")
    parser.add_argument("--tls-max-version", choices=["1.1", "1.2"], help="refuse newer TLS versions (tests)")
    commands = parser.add_subparsers(dest="command", required=True)
    health = commands.add_parser("health", help="twilio.gateway.v1.Health/Check")
    health.add_argument("--service", default="")
    sms = commands.add_parser("send-sms", help="twilio.gateway.v1.Messaging/SendSms")
    sms.add_argument("--to", required=True)
    sender = sms.add_mutually_exclusive_group(required=True)
    sender.add_argument("--from", dest="from_")
    sender.add_argument("--messaging-service-sid")
    sms.add_argument("--body", default="")
    sms.add_argument("--media-url", action="append", default=[])
    sms.add_argument("--status-callback", default="")
    raw = commands.add_parser("raw", help="any method, request and response as hex")
    raw.add_argument("--path", required=True)
    raw.add_argument("--request-hex", default="")
    args = parser.parse_args(argv)

    metadata = []
    for entry in args.metadata:
        key, separator, value = entry.partition("=")
        if not separator:
            parser.error("--metadata takes KEY=VALUE, not %r" % entry)
        metadata.append((key, value))

    response_type = None
    if args.command == "raw":
        path, request = args.path, bytes.fromhex(args.request_hex)
    else:
        if not args.proto_dir:
            parser.error("--proto-dir is required for %s" % args.command)
        if args.command == "health":
            health_pb2 = load_generated(args.proto_dir, "health")
            path = "/twilio.gateway.v1.Health/Check"
            request = health_pb2.HealthCheckRequest(service=args.service).SerializeToString()
            response_type = health_pb2.HealthCheckResponse
        else:
            messaging_pb2 = load_generated(args.proto_dir, "messaging")
            path = "/twilio.gateway.v1.Messaging/SendSms"
            message = messaging_pb2.SendSmsRequest(to=args.to, body=args.body, media_urls=args.media_url,
                                                   status_callback=args.status_callback)
            if args.from_:
                setattr(message, "from", args.from_)
            else:
                message.messaging_service_sid = args.messaging_service_sid
            request = message.SerializeToString()
            response_type = messaging_pb2.Message

    tls = None
    if args.tls_ca:
        context = ssl.create_default_context(cafile=args.tls_ca)
        if args.tls_max_version == "1.1":
            # OpenSSL's default security level refuses TLS 1.1 before it is sent; lower it so
            # that the server is the side that refuses.
            context.set_ciphers("DEFAULT:@SECLEVEL=0")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", DeprecationWarning)
                context.minimum_version = ssl.TLSVersion.TLSv1_1
                context.maximum_version = ssl.TLSVersion.TLSv1_1
        elif args.tls_max_version == "1.2":
            context.maximum_version = ssl.TLSVersion.TLSv1_2
        tls = (context, args.tls_server_name or args.host)
    code, message, details, response, tls_version = call_unary(
        args.host, args.port, path, request, args.timeout_ms, metadata, tls)
    result = {"status": code, "status_name": status_name(code), "message": message}
    if tls_version is not None:
        result["tls_version"] = tls_version
    if response_type is not None:
        from google.protobuf import json_format
        if code == OK:
            result["response"] = json_format.MessageToDict(response_type.FromString(response), preserving_proto_field_name=True)
        if details:
            errors_pb2 = load_generated(args.proto_dir, "errors")
            result["details"] = json_format.MessageToDict(errors_pb2.ErrorDetails.FromString(details),
                                                          preserving_proto_field_name=True)
    else:
        result["response_hex"] = response.hex()
        result["details_hex"] = details.hex()
    print(json.dumps(result, indent=2, sort_keys=True))
    return 0 if code == OK else 1


if __name__ == "__main__":
    sys.exit(main())
