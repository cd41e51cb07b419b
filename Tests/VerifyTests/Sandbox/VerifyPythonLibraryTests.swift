import GatewayTestSupport
import Testing
import TwilioSandbox

/// The official twilio-python library against the sandbox's Verify API: if it parses every
/// answer and raises `TwilioRestException` with Twilio's codes, the sandbox speaks Verify the
/// way the library expects. Its TOTP codes come from Python's own `hmac`, independently of the
/// gateway's RFC 6238 implementation.
@Suite(
    "twilio-python against the sandbox's Verify",
    .enabled(
        if: PythonPackages.testsRun(needing: "twilio"),
        "twilio-python is not installed (pip install twilio); set GATEWAY_REQUIRE_PYTHON=1 to fail instead"
    )
)
struct VerifyPythonLibraryTests {
    struct Report: Decodable {
        var started: [String: String?]
        var resent: String
        var wrong: [String: String?]
        var right: [String: String?]
        var factor: [String: String?]
        var verified: String
        var challenge: String
        var pending: String
        var errors: [String: [Int]]
        var attempts: Int
    }

    @Test("the library creates, checks, fetches and cancels verifications and runs a TOTP flow")
    func flow() async throws {
        try await VerifyHarness.with { harness in
            let account = VerifyHarness.account
            let report = try await PythonPeer.runJSON(
                Report.self,
                Self.script,
                arguments: [harness.baseURL, account.sid, account.authToken, VerifyHarness.serviceSID]
            )

            #expect(report.started["status"] == "pending")
            #expect(report.started["channel"] == "sms")
            #expect(report.started["date_created"] == "2025-01-01T12:00:00+00:00")
            #expect(report.resent == report.started["sid"])
            #expect(report.attempts == 2)
            #expect(report.wrong["status"] == "pending")
            #expect(report.wrong["valid"] == "False")
            #expect(report.right["status"] == "approved")
            #expect(report.right["valid"] == "True")
            #expect(report.factor["status"] == "unverified")
            #expect(report.factor["uri"]??.hasPrefix("otpauth://totp/Acme:phone?secret=") == true)
            #expect(report.verified == "verified")
            #expect(report.challenge == "approved")
            #expect(report.pending == "pending")
            #expect(
                report.errors == [
                    "fetch_approved": [20404, 404],
                    "check_approved": [20404, 404],
                    "bad_channel": [60200, 400],
                    "bad_to": [60200, 400],
                    "bad_code": [60200, 400],
                    "unknown_service": [20404, 404],
                    "sixth_check": [60202, 429],
                    "sixth_send": [60203, 429],
                    "cancel_canceled": [20404, 404],
                ]
            )
        }
    }

    static let script = #"""
        import base64, datetime, hashlib, hmac, json, struct, sys
        from twilio.base.exceptions import TwilioRestException
        from twilio.rest import Client

        base, sid, token, service_sid = sys.argv[1:5]
        client = Client(sid, token)
        client.verify.base_url = base
        service = client.verify.v2.services(service_sid)
        now = 1735732800

        def totp(secret, at):
            key = base64.b32decode(secret + "=" * (-len(secret) % 8))
            digest = hmac.new(key, struct.pack(">Q", at // 30), hashlib.sha1).digest()
            offset = digest[-1] & 0x0F
            value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
            return "%06d" % (value % 1000000)

        def failure(call):
            try:
                call()
            except TwilioRestException as e:
                return [e.code, e.status]
            return None

        phone = "+15551234567"
        started = service.verifications.create(to=phone, channel="sms")
        resent = service.verifications.create(to=phone, channel="sms")
        wrong = service.verification_checks.create(to=phone, code="abcd")
        # The code is read from the sandbox's inbox, as a developer would.
        import urllib.request
        request = urllib.request.Request(base + "/sandbox/inbox/%2B15551234567")
        request.add_header("Authorization", "Basic " + base64.b64encode((sid + ":" + token).encode()).decode())
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))
        inbox = json.load(opener.open(request, timeout=20))
        code = inbox["deliveries"][-1]["code"]
        right = service.verification_checks.create(verification_sid=started.sid, code=code)

        errors = {
            "fetch_approved": failure(lambda: service.verifications(started.sid).fetch()),
            "check_approved": failure(lambda: service.verification_checks.create(to=phone, code=code)),
            "bad_channel": failure(lambda: service.verifications.create(to=phone, channel="pigeon")),
            "bad_to": failure(lambda: service.verifications.create(to="not-a-number", channel="sms")),
            "bad_code": failure(lambda: service.verification_checks.create(to=phone, code="1")),
            "unknown_service": failure(lambda: client.verify.v2.services("VA" + "9" * 32).verifications.create(
                to=phone, channel="sms")),
        }
        other = "+15557654321"
        service.verifications.create(to=other, channel="call")
        for _ in range(5):
            service.verification_checks.create(to=other, code="abcd")
        errors["sixth_check"] = failure(lambda: service.verification_checks.create(to=other, code="abcd"))
        for _ in range(4):
            service.verifications.create(to=other, channel="call")
        errors["sixth_send"] = failure(lambda: service.verifications.create(to=other, channel="call"))
        third = service.verifications.create(to="user@example.com", channel="email")
        service.verifications(third.sid).update(status="canceled")
        errors["cancel_canceled"] = failure(lambda: service.verifications(third.sid).update(status="canceled"))

        entity = service.entities("ff483d1f-user-0001")
        factor = entity.new_factors.create(friendly_name="phone", factor_type="totp")
        verified = entity.factors(factor.sid).update(auth_payload=totp(factor.binding["secret"], now))
        challenge = entity.challenges.create(factor_sid=factor.sid, auth_payload=totp(factor.binding["secret"], now))
        stale = totp(factor.binding["secret"], now - 3600)
        pending = entity.challenges.create(factor_sid=factor.sid, auth_payload=stale)

        def fields(instance, names):
            return {name: None if getattr(instance, name) is None else str(getattr(instance, name)) for name in names}

        date = started.date_created.isoformat() if isinstance(started.date_created, datetime.datetime) else None
        report = {
            "started": dict(fields(started, ["sid", "status", "channel"]), date_created=date),
            "resent": resent.sid,
            "attempts": len(resent.send_code_attempts),
            "wrong": fields(wrong, ["status", "valid"]),
            "right": fields(right, ["status", "valid"]),
            "factor": {"status": factor.status, "uri": factor.binding["uri"]},
            "verified": verified.status,
            "challenge": challenge.status,
            "pending": pending.status if stale != totp(factor.binding["secret"], now) else "pending",
            "errors": errors,
        }
        print(json.dumps(report))
        """#
}
