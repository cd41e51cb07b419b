import Foundation
import GatewayAPI
import GatewayClient
import GraphQL
import Testing
import TwilioREST
import TwilioSandbox

/// The sandbox's Verify v2 API through the gateway's own REST client: lifecycle, limits and
/// error answers as twilio-api.md §4 describes them.
@Suite("Sandbox Verify: verifications")
struct VerificationSandboxTests {
    private let service = VerifyHarness.serviceSID
    private let phone = "+15551234567"

    @Test(
        "a verification starts pending with a 6-digit code in the phone's inbox",
        arguments: ["sms", "call", "whatsapp"]
    )
    func start(channel: String) async throws {
        try await VerifyHarness.with { harness in
            let verification = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: channel)
            )

            #expect(verification.sid.hasPrefix("VE") && verification.sid.count == 34)
            #expect(verification.status == "pending")
            #expect(verification.valid == false)
            #expect(verification.channel == channel)
            #expect(verification.serviceSID == service)
            #expect(verification.accountSID == VerifyHarness.account.sid)
            #expect(verification.dateCreated == "2025-01-01T12:00:00Z")
            #expect(verification.sendCodeAttempts.count == 1)
            #expect(verification.sendCodeAttempts.first?.attemptSID?.hasPrefix("VL") == true)
            #expect(
                verification.url == "https://verify.twilio.com/v2/Services/\(service)/Verifications/\(verification.sid)"
            )

            let delivery = try #require(harness.sandbox.deliveries(to: phone).last)
            let code = try #require(delivery.code)
            #expect(code.count == 6 && code.allSatisfy(\.isNumber))
            #expect(delivery.sid == verification.sid)
            #expect(delivery.channel == channel)
            let spoken = code.map(String.init).joined(separator: ", ")
            #expect(delivery.body.contains(channel == "call" ? spoken : code))
            #expect(delivery.body.contains("Acme"))
        }
    }

    @Test("an email verification uses the channel configuration's sender and the locale is kept")
    func email() async throws {
        try await VerifyHarness.with { harness in
            let configuration = VerificationChannelConfiguration(
                from: "noreply@acme.example",
                fromName: "Acme Support",
                templateID: "d-123"
            )
            _ = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(
                    to: "Zoe@Example.com",
                    channel: "email",
                    customFriendlyName: "Acme Shop",
                    locale: "pt-BR",
                    channelConfiguration: configuration
                )
            )

            let delivery = try #require(harness.sandbox.deliveries(to: "zoe@example.com").last)
            #expect(delivery.channel == "email")
            #expect(delivery.to == "Zoe@Example.com")
            #expect(delivery.from == "Acme Support <noreply@acme.example>")
            #expect(delivery.locale == "pt-BR")
            #expect(delivery.body.contains("Acme Shop"))
            #expect(delivery.body.contains(try #require(delivery.code)))
        }
    }

    @Test("a service's code length is honoured")
    func codeLength() async throws {
        try await VerifyHarness.with { harness in
            _ = try await harness.twilio.createVerification(
                serviceSID: VerifyHarness.longCodeServiceSID,
                CreateVerificationRequest(to: phone, channel: "sms")
            )
            #expect(try harness.latestCode(to: phone).count == 8)
        }
    }

    @Test("re-sending within the validity keeps the verification and its code")
    func resend() async throws {
        try await VerifyHarness.with { harness in
            let first = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: "sms")
            )
            harness.clock.advance(by: 120)
            let second = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: "call")
            )

            #expect(second.sid == first.sid)
            #expect(second.channel == "call")
            #expect(second.sendCodeAttempts.map(\.channel) == ["sms", "call"])
            #expect(second.dateUpdated == "2025-01-01T12:02:00Z")
            let codes = harness.sandbox.deliveries(to: phone).compactMap(\.code)
            #expect(codes.count == 2 && codes[0] == codes[1])
        }
    }

    @Test("a wrong code is 200 pending and not valid; the right one approves")
    func check() async throws {
        try await VerifyHarness.with { harness in
            let started = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: "sms")
            )
            let code = try harness.latestCode(to: phone)

            let wrong = try await harness.twilio.createVerificationCheck(
                serviceSID: service,
                CreateVerificationCheckRequest(code: code == "000000" ? "111111" : "000000", target: .to(phone))
            )
            #expect(wrong.status == "pending")
            #expect(wrong.valid == false)
            #expect(wrong.sid == started.sid)

            let right = try await harness.twilio.createVerificationCheck(
                serviceSID: service,
                CreateVerificationCheckRequest(code: code, target: .verificationSID(started.sid))
            )
            #expect(right.status == "approved")
            #expect(right.valid == true)
            #expect(right.to == phone)
            #expect(right.channel == "sms")
        }
    }

    @Test(
        "an approved, canceled, expired or unknown verification is 404 with code 20404",
        arguments: [
            "approved", "canceled", "expired", "unknown",
        ]
    )
    func gone(ending: String) async throws {
        try await VerifyHarness.with { harness in
            let started = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: "sms")
            )
            let code = try harness.latestCode(to: phone)
            var sid = started.sid
            switch ending {
            case "approved":
                _ = try await harness.twilio.createVerificationCheck(
                    serviceSID: service,
                    CreateVerificationCheckRequest(code: code, target: .to(phone))
                )
            case "canceled":
                let canceled = try await harness.twilio.updateVerification(
                    serviceSID: service,
                    sid: sid,
                    status: "canceled"
                )
                #expect(canceled.status == "canceled")
            case "expired":
                harness.clock.advance(by: 600)
            default:
                sid = "VE" + String(repeating: "0", count: 32)
            }

            let fetch = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.fetchVerification(serviceSID: service, sid: sid)
            }
            #expect(fetch?.code == 20404)
            #expect(fetch?.httpStatus == 404)
            #expect(fetch?.message == "The requested resource /Services/\(service)/Verifications/\(sid) was not found")

            let check = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.createVerificationCheck(
                    serviceSID: service,
                    CreateVerificationCheckRequest(code: code, target: .verificationSID(sid))
                )
            }
            #expect(check?.code == 20404)
            #expect(check?.message == "The requested resource /Services/\(service)/VerificationCheck was not found")

            if ending != "unknown" {
                let byNumber = await #expect(throws: TwilioAPIError.self) {
                    _ = try await harness.twilio.createVerificationCheck(
                        serviceSID: service,
                        CreateVerificationCheckRequest(code: code, target: .to(phone))
                    )
                }
                #expect(byNumber?.code == 20404)
            }

            let cancel = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.updateVerification(serviceSID: service, sid: sid, status: "canceled")
            }
            #expect(cancel?.code == 20404)
        }
    }

    @Test("a code still works just before ten minutes")
    func justBeforeExpiry() async throws {
        try await VerifyHarness.with { harness in
            _ = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: "sms")
            )
            harness.clock.advance(by: 599)
            let check = try await harness.twilio.createVerificationCheck(
                serviceSID: service,
                CreateVerificationCheckRequest(code: try harness.latestCode(to: phone), target: .to(phone))
            )
            #expect(check.status == "approved")
        }
    }

    @Test("the sixth check of a verification is 429 with code 60202, even with the right code")
    func maximumChecks() async throws {
        try await VerifyHarness.with { harness in
            let started = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: "sms")
            )
            let code = try harness.latestCode(to: phone)
            let wrong = code == "000000" ? "111111" : "000000"
            for _ in 1...5 {
                let check = try await harness.twilio.createVerificationCheck(
                    serviceSID: service,
                    CreateVerificationCheckRequest(code: wrong, target: .to(phone))
                )
                #expect(check.status == "pending")
            }

            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.createVerificationCheck(
                    serviceSID: service,
                    CreateVerificationCheckRequest(code: code, target: .to(phone))
                )
            }
            #expect(error?.code == 60202)
            #expect(error?.httpStatus == 429)
            let fetched = try await harness.twilio.fetchVerification(serviceSID: service, sid: started.sid)
            #expect(fetched.status == "max_attempts_reached")

            let restarted = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: "sms")
            )
            #expect(restarted.sid != started.sid)
        }
    }

    @Test("the sixth send to a number within ten minutes is 429 with code 60203; time and approval make room")
    func maximumSends() async throws {
        try await VerifyHarness.with { harness in
            let request = CreateVerificationRequest(to: phone, channel: "sms")
            for _ in 1...5 {
                _ = try await harness.twilio.createVerification(serviceSID: service, request)
                harness.clock.advance(by: 60)
            }
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.createVerification(serviceSID: service, request)
            }
            #expect(error?.code == 60203)
            #expect(error?.httpStatus == 429)
            #expect(harness.sandbox.deliveries(to: phone).count == 5)

            let other = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: "+15557654321", channel: "sms")
            )
            #expect(other.status == "pending")

            harness.clock.advance(by: 301)
            _ = try await harness.twilio.createVerification(serviceSID: service, request)
            _ = try await harness.twilio.createVerificationCheck(
                serviceSID: service,
                CreateVerificationCheckRequest(code: try harness.latestCode(to: phone), target: .to(phone))
            )
            for _ in 1...5 {
                _ = try await harness.twilio.createVerification(serviceSID: service, request)
            }
            let again = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.createVerification(serviceSID: service, request)
            }
            #expect(again?.code == 60203)
        }
    }

    @Test(
        "invalid parameters are 400 with code 60200 naming the parameter",
        arguments: [
            (CreateVerificationRequest(to: "", channel: "sms"), "To"),
            (CreateVerificationRequest(to: "+15551234567", channel: "fax"), "Channel"),
            (CreateVerificationRequest(to: "+15551234567", channel: "sna"), "Channel"),
            (CreateVerificationRequest(to: "5551234567", channel: "sms"), "To"),
            (CreateVerificationRequest(to: "+15551234567", channel: "email"), "To"),
            (CreateVerificationRequest(to: "user@example.com", channel: "call"), "To"),
            (CreateVerificationRequest(to: "+15551234567", channel: "sms", locale: "english"), "Locale"),
            (
                CreateVerificationRequest(
                    to: "user@example.com",
                    channel: "email",
                    channelConfiguration: VerificationChannelConfiguration(from: "not an address")
                ), "ChannelConfiguration"
            ),
        ]
    )
    func invalidStart(request: CreateVerificationRequest, parameter: String) async throws {
        try await VerifyHarness.with { harness in
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.createVerification(serviceSID: service, request)
            }
            #expect(error?.code == 60200)
            #expect(error?.httpStatus == 400)
            #expect(error?.message == "Invalid parameter: \(parameter)")
            #expect(error?.detail?.isEmpty == false)
            #expect(harness.sandbox.deliveries(to: request.to).isEmpty)
        }
    }

    @Test("a malformed code is 60200 and does not count as a check", arguments: ["123", "12345678901", "12 456", ""])
    func malformedCode(code: String) async throws {
        try await VerifyHarness.with { harness in
            _ = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: "sms")
            )
            for _ in 1...6 {
                let error = await #expect(throws: TwilioAPIError.self) {
                    _ = try await harness.twilio.createVerificationCheck(
                        serviceSID: service,
                        CreateVerificationCheckRequest(code: code, target: .to(phone))
                    )
                }
                #expect(error?.code == 60200)
                #expect(error?.message == "Invalid parameter: Code")
            }
            let check = try await harness.twilio.createVerificationCheck(
                serviceSID: service,
                CreateVerificationCheckRequest(code: try harness.latestCode(to: phone), target: .to(phone))
            )
            #expect(check.status == "approved")
        }
    }

    @Test("a service of another account, or none, is 404 with code 20404")
    func foreignService() async throws {
        try await VerifyHarness.with { harness in
            let foreign = VerifyHarness.otherAccount.verifyServices[0].sid
            for serviceSID in [foreign, "VA" + String(repeating: "9", count: 32)] {
                let error = await #expect(throws: TwilioAPIError.self) {
                    _ = try await harness.twilio.createVerification(
                        serviceSID: serviceSID,
                        CreateVerificationRequest(to: phone, channel: "sms")
                    )
                }
                #expect(error?.code == 20404)
                #expect(error?.message == "The requested resource /Services/\(serviceSID)/Verifications was not found")
            }
            #expect(harness.sandbox.deliveries(to: phone).isEmpty)
        }
    }

    @Test("an update to another status than canceled or approved is 60200")
    func invalidStatus() async throws {
        try await VerifyHarness.with { harness in
            let started = try await harness.twilio.createVerification(
                serviceSID: service,
                CreateVerificationRequest(to: phone, channel: "sms")
            )
            let error = await #expect(throws: TwilioAPIError.self) {
                _ = try await harness.twilio.updateVerification(serviceSID: service, sid: started.sid, status: "paused")
            }
            #expect(error?.code == 60200)
            #expect(error?.message == "Invalid parameter: Status")
        }
    }
}
