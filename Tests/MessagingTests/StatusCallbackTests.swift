import Foundation
import GatewayAPI
import GatewayClient
import GatewayTestSupport
import HTTPServer
import Testing
import TwilioSandbox

@Suite("Status callbacks from the sandbox")
struct StatusCallbackTests {
    struct Checked: Decodable {
        var valid: [Bool]
    }

    @Test("each change after the first status is posted in order, form-encoded, as TwilioProxy/1.1")
    func changesInOrder() async throws {
        let receiver = try CallbackReceiver()
        try await MessagingHarness.with { harness in
            let message = try await harness.client.sendSms(
                SendSmsRequest(
                    to: "+14155550100",
                    sender: .messagingServiceSID(MessagingHarness.messagingService),
                    body: "Track me",
                    statusCallback: receiver.url("/status?order=7")
                )
            )
            #expect(message.status == "accepted")
            #expect(try await eventually { receiver.requests.count == 4 && harness.sandbox.callbacks.count == 4 })

            let requests = receiver.requests
            #expect(requests.count == 4)
            #expect(requests.map { $0.value("MessageStatus") } == ["queued", "sending", "sent", "delivered"])
            #expect(requests.map { $0.value("SmsStatus") } == ["queued", "sending", "sent", "delivered"])
            for request in requests {
                #expect(request.path == "/status")
                #expect(request.query == "order=7")
                #expect(request.headers["User-Agent"] == "TwilioProxy/1.1")
                #expect(request.headers["Content-Type"]?.hasPrefix("application/x-www-form-urlencoded") == true)
                #expect(request.headers["X-Twilio-Signature"]?.isEmpty == false)
                #expect(request.value("MessageSid") == message.sid)
                #expect(request.value("SmsSid") == message.sid)
                #expect(request.value("AccountSid") == MessagingHarness.account.sid)
                #expect(request.value("From") == "+15005550011")
                #expect(request.value("To") == "+14155550100")
                #expect(request.value("ApiVersion") == "2010-04-01")
                #expect(request.value("MessagingServiceSid") == MessagingHarness.messagingService)
                #expect(request.value("ErrorCode") == nil)
            }
            #expect(requests.dropLast().allSatisfy { $0.value("RawDlrDoneDate") == nil })
            #expect(requests.last?.value("RawDlrDoneDate")?.count == 10)
            #expect(harness.sandbox.callbacks.map(\.result) == Array(repeating: .answered(status: 204), count: 4))
        }
        await receiver.stop()
    }

    @Test("an undelivered message reports ErrorCode and RawDlrDoneDate; a failed one ErrorCode only")
    func failures() async throws {
        let receiver = try CallbackReceiver()
        try await MessagingHarness.with { harness in
            for to in ["+15005553003", "+15005553008"] {
                _ = try await harness.client.sendSms(
                    SendSmsRequest(
                        to: to,
                        sender: .from(MessagingHarness.sender),
                        body: "x",
                        statusCallback: receiver.url("/s")
                    )
                )
            }
            #expect(try await eventually { receiver.requests.count == 5 })

            let undelivered = receiver.requests.filter { $0.value("To") == "+15005553003" }
            #expect(undelivered.map { $0.value("MessageStatus") } == ["sending", "sent", "undelivered"])
            #expect(undelivered.last?.value("ErrorCode") == "30003")
            #expect(undelivered.last?.value("RawDlrDoneDate") != nil)
            let failed = receiver.requests.filter { $0.value("To") == "+15005553008" }
            #expect(failed.map { $0.value("MessageStatus") } == ["sending", "failed"])
            #expect(failed.last?.value("ErrorCode") == "30008")
            #expect(failed.last?.value("RawDlrDoneDate") == nil)
        }
        await receiver.stop()
    }

    @Test(
        "signatures validate with twilio-python's RequestValidator and the account's auth token",
        .enabled(
            if: PythonPackages.testsRun(needing: "twilio"),
            "twilio-python is not installed (pip install twilio); set GATEWAY_REQUIRE_PYTHON=1 to fail instead"
        )
    )
    func signaturesValidate() async throws {
        let receiver = try CallbackReceiver()
        let requests = try await MessagingHarness.with { harness in
            _ = try await harness.client.sendSms(
                SendSmsRequest(
                    to: "+14155550100",
                    sender: .from(MessagingHarness.sender),
                    body: "Sign me: ü & é",
                    statusCallback: receiver.url("/hooks/status?a=1&b=two%20words")
                )
            )
            #expect(try await eventually { receiver.requests.count == 3 })
            return receiver.requests
        }
        let cases = requests.map { request -> [String: Any] in
            [
                "url": receiver.url(request.path + "?" + request.query),
                "params": Dictionary(request.form.map { ($0.name, $0.value) }) { first, _ in first },
                "signature": request.headers["X-Twilio-Signature"] ?? "",
            ]
        }
        await receiver.stop()

        let payload = String(decoding: try JSONSerialization.data(withJSONObject: cases), as: UTF8.self)
        let checked = try await PythonPeer.runJSON(
            Checked.self,
            """
            import json, sys
            from twilio.request_validator import RequestValidator
            validator = RequestValidator(sys.argv[1])
            cases = json.loads(sys.argv[2])
            print(json.dumps({"valid": [validator.validate(c["url"], c["params"], c["signature"]) for c in cases]}))
            """,
            arguments: [MessagingHarness.account.authToken, payload]
        )
        #expect(checked.valid == [true, true, true])

        let wrongToken = try await PythonPeer.runJSON(
            Checked.self,
            """
            import json, sys
            from twilio.request_validator import RequestValidator
            validator = RequestValidator("not-the-token")
            cases = json.loads(sys.argv[1])
            print(json.dumps({"valid": [validator.validate(c["url"], c["params"], c["signature"]) for c in cases]}))
            """,
            arguments: [payload]
        )
        #expect(wrongToken.valid == [false, false, false])
    }
}
