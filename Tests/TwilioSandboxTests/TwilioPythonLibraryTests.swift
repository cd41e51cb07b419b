import Foundation
import GatewayTestSupport
import Testing
import TwilioSandbox

/// The official twilio-python helper library, pointed at the sandbox through `client.api.base_url`:
/// if its create, fetch and list work and its `TwilioRestException`s carry Twilio's codes, the
/// sandbox speaks the API the way the library expects.
@Suite(
    "twilio-python against the sandbox",
    .enabled(
        if: PythonPackages.testsRun(needing: "twilio"),
        "twilio-python is not installed (pip install twilio); set GATEWAY_REQUIRE_PYTHON=1 to fail instead"
    )
)
struct TwilioPythonLibraryTests {
    struct LibraryError: Decodable, Equatable {
        var code: Int?
        var status: Int
        var msg: String
    }

    struct Created: Decodable {
        var sid: String
        var status: String
        var numSegments: String
        var numMedia: String
        var direction: String
        var accountSID: String
        var apiVersion: String
        var body: String
        var from: String?
        var to: String
        var uri: String
        var dateCreated: String?
        var errorCode: Int?
        var messagingServiceSID: String?
        var priceUnit: String?
        var subresourceURIs: [String: String]
    }

    struct Fetched: Decodable {
        var sid: String
        var body: String
        var status: String
    }

    struct Media: Decodable {
        var sid: String
        var numMedia: String
    }

    struct Report: Decodable {
        var created: Created
        var fetched: Fetched
        var media: Media
        var listed: [String]
        var errors: [String: LibraryError?]
    }

    private static func run<T: Decodable>(_ type: T.Type, mode: String, sandbox: TwilioSandbox) async throws -> T {
        let baseURL = try #require(sandbox.baseURL)
        return try await PythonPeer.runJSON(
            T.self,
            script,
            arguments: [mode, baseURL, sandbox.account.sid, sandbox.account.authToken]
        )
    }

    @Test("creates, fetches and lists messages with the library")
    func createFetchList() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let report = try await Self.run(Report.self, mode: "full", sandbox: sandbox)
            let created = report.created
            #expect(created.sid.hasPrefix("SM") && created.sid.count == 34)
            #expect(created.status == "queued")
            #expect(created.numSegments == "1")
            #expect(created.numMedia == "0")
            #expect(created.direction == "outbound-api")
            #expect(created.accountSID == fixedAccount.sid)
            #expect(created.apiVersion == "2010-04-01")
            #expect(created.body == "Hello from twilio-python")
            #expect(created.from == "+15005550006")
            #expect(created.to == "+14155550100")
            #expect(created.uri == "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages/\(created.sid).json")
            #expect(created.dateCreated == "2025-01-01T12:00:00+00:00")
            #expect(created.errorCode == nil)
            #expect(created.messagingServiceSID == nil)
            #expect(created.priceUnit == "USD")
            #expect(created.subresourceURIs["media"]?.hasSuffix("/Messages/\(created.sid)/Media.json") == true)

            #expect(report.fetched.sid == created.sid)
            #expect(report.fetched.body == created.body)
            #expect(report.media.sid.hasPrefix("MM"))
            #expect(report.media.numMedia == "2")
            #expect(report.listed == [report.media.sid, created.sid])
            #expect(sandbox.messages().count == 2)
        }
    }

    @Test("raises TwilioRestException with Twilio's code and status for every rejected request")
    func libraryErrors() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let report = try await Self.run(Report.self, mode: "full", sandbox: sandbox)
            let expected: [String: (Int, Int)] = [
                "to_missing": (21604, 400),
                "from_missing": (21603, 400),
                "body_missing": (21602, 400),
                "to_invalid": (21211, 400),
                "from_invalid": (21212, 400),
                "service_unknown": (20404, 404),
                "body_too_long": (21617, 400),
                "magic_from_0001": (21212, 400),
                "magic_from_0007": (21606, 400),
                "magic_from_0008": (21611, 429),
                "not_owned": (21606, 400),
                "magic_to_0001": (21211, 400),
                "magic_to_0002": (21612, 400),
                "magic_to_0003": (21408, 400),
                "magic_to_0004": (21610, 400),
                "magic_to_0009": (21614, 400),
                "fetch_unknown": (20404, 404),
                "bad_token": (20003, 401),
            ]
            #expect(Set(report.errors.keys) == Set(expected.keys))
            for (name, (code, status)) in expected {
                let error = report.errors[name] ?? nil
                #expect(error?.code == code, "\(name)")
                #expect(error?.status == status, "\(name)")
            }
            // The library prefixes Twilio's message with what it was doing.
            let prefix = "Unable to create record: "
            #expect(report.errors["magic_to_0009"]??.msg == prefix + "To number: +15005550009, is not a mobile number")
            #expect(report.errors["body_missing"]??.msg == prefix + "Message body is required.")
            #expect(report.errors["fetch_unknown"]??.msg.hasSuffix("was not found") == true)
        }
    }

    @Test("surfaces an injected 429 as TwilioRestException 20429")
    func injectedRateLimit() async throws {
        try await withSandbox(fixedConfiguration(faults: SandboxFaults(rateLimitFraction: 1))) { sandbox in
            let error = try await Self.run(LibraryError.self, mode: "ratelimited", sandbox: sandbox)
            #expect(error == LibraryError(code: 20429, status: 429, msg: "Unable to create record: Too many requests"))
            #expect(sandbox.messages().isEmpty)
        }
    }

    static let script = #"""
        import json, sys
        from twilio.base.exceptions import TwilioRestException
        from twilio.rest import Client

        mode, base, sid, token = sys.argv[1:5]

        def client(secret):
            c = Client(sid, secret)
            c.api.base_url = base
            return c

        def failure(call):
            try:
                call()
            except TwilioRestException as e:
                return {"code": e.code, "status": e.status, "msg": e.msg}
            return None

        c = client(token)
        to, sender = "+14155550100", "+15005550006"
        if mode == "ratelimited":
            print(json.dumps(failure(lambda: c.messages.create(to=to, from_=sender, body="x"))))
            sys.exit(0)

        m = c.messages.create(to=to, from_=sender, body="Hello from twilio-python")
        created = {
            "sid": m.sid, "status": m.status, "numSegments": m.num_segments, "numMedia": m.num_media,
            "direction": m.direction, "accountSID": m.account_sid, "apiVersion": m.api_version,
            "body": m.body, "from": m.from_, "to": m.to, "uri": m.uri,
            "dateCreated": m.date_created.isoformat() if m.date_created else None,
            "errorCode": m.error_code, "messagingServiceSID": m.messaging_service_sid,
            "priceUnit": m.price_unit, "subresourceURIs": m.subresource_uris,
        }
        f = c.messages(m.sid).fetch()
        media = c.messages.create(to=to, from_=sender, media_url=["https://example.test/a.png",
                                                                  "https://example.test/b.png"])
        listed = [x.sid for x in c.messages.list(limit=10, page_size=1)]

        errors = {
            "to_missing": lambda: c.messages.create(to="", from_=sender, body="x"),
            "from_missing": lambda: c.messages.create(to=to, body="x"),
            "body_missing": lambda: c.messages.create(to=to, from_=sender),
            "to_invalid": lambda: c.messages.create(to="123", from_=sender, body="x"),
            "from_invalid": lambda: c.messages.create(to=to, from_="+1-800-FLOWERS", body="x"),
            "service_unknown": lambda: c.messages.create(to=to, messaging_service_sid="MG" + "f" * 32, body="x"),
            "body_too_long": lambda: c.messages.create(to=to, from_=sender, body="a" * 1601),
            "magic_from_0001": lambda: c.messages.create(to=to, from_="+15005550001", body="x"),
            "magic_from_0007": lambda: c.messages.create(to=to, from_="+15005550007", body="x"),
            "magic_from_0008": lambda: c.messages.create(to=to, from_="+15005550008", body="x"),
            "not_owned": lambda: c.messages.create(to=to, from_="+15005550000", body="x"),
            "magic_to_0001": lambda: c.messages.create(to="+15005550001", from_=sender, body="x"),
            "magic_to_0002": lambda: c.messages.create(to="+15005550002", from_=sender, body="x"),
            "magic_to_0003": lambda: c.messages.create(to="+15005550003", from_=sender, body="x"),
            "magic_to_0004": lambda: c.messages.create(to="+15005550004", from_=sender, body="x"),
            "magic_to_0009": lambda: c.messages.create(to="+15005550009", from_=sender, body="x"),
            "fetch_unknown": lambda: c.messages("SM" + "0" * 32).fetch(),
            "bad_token": lambda: client("wrong-token").messages.create(to=to, from_=sender, body="x"),
        }
        report = {
            "created": created,
            "fetched": {"sid": f.sid, "body": f.body, "status": f.status},
            "media": {"sid": media.sid, "numMedia": media.num_media},
            "listed": listed,
            "errors": {name: failure(call) for name, call in errors.items()},
        }
        print(json.dumps(report, default=str))
        """#
}
