import Foundation
import Testing
import TwilioSandbox

@Suite("Messages API error answers")
struct MessageErrorsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var form: [(String, String)]
        var status: Int
        var code: Int
        var message: String

        var testDescription: String { name }
    }

    private static let to = ("To", "+14155550100")
    private static let from = ("From", "+15005550006")
    private static let body = ("Body", "hi")
    private static let path = "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages.json"

    static let cases: [Case] = [
        Case(
            name: "To missing",
            form: [from, body],
            status: 400,
            code: 21604,
            message: "A 'To' phone number is required."
        ),
        Case(
            name: "To missing before From missing",
            form: [body],
            status: 400,
            code: 21604,
            message: "A 'To' phone number is required."
        ),
        Case(
            name: "From and service missing",
            form: [to, body],
            status: 400,
            code: 21603,
            message: "A 'From' phone number is required."
        ),
        Case(
            name: "From missing before body missing",
            form: [to],
            status: 400,
            code: 21603,
            message: "A 'From' phone number is required."
        ),
        Case(name: "body missing", form: [to, from], status: 400, code: 21602, message: "Message body is required."),
        Case(
            name: "body empty",
            form: [to, from, ("Body", "")],
            status: 400,
            code: 21602,
            message: "Message body is required."
        ),
        Case(
            name: "To not a number",
            form: [("To", "123"), from, body],
            status: 400,
            code: 21211,
            message: "The 'To' number 123 is not a valid phone number."
        ),
        Case(
            name: "To a bad WhatsApp address",
            form: [("To", "whatsapp:12"), from, body],
            status: 400,
            code: 21211,
            message: "The 'To' number whatsapp:12 is not a valid phone number."
        ),
        Case(
            name: "To format checked before body length",
            form: [("To", "0800"), from, ("Body", String(repeating: "a", count: 1601))],
            status: 400,
            code: 21211,
            message: "The 'To' number 0800 is not a valid phone number."
        ),
        Case(
            name: "From not a number, short code or sender ID",
            form: [to, ("From", "+1-800-FLOWERS"), body],
            status: 400,
            code: 21212,
            message:
                "The 'From' number +1-800-FLOWERS is not a valid phone number, shortcode, or alphanumeric sender ID."
        ),
        Case(
            name: "Messaging Service SID malformed",
            form: [to, ("MessagingServiceSid", "MGnope"), body],
            status: 404,
            code: 20404,
            message: "The requested resource \(path) was not found"
        ),
        Case(
            name: "Messaging Service unknown",
            form: [to, ("MessagingServiceSid", "MG" + String(repeating: "f", count: 32)), body],
            status: 404,
            code: 20404,
            message: "The requested resource \(path) was not found"
        ),
        Case(
            name: "body over 1600 characters",
            form: [to, from, ("Body", String(repeating: "é", count: 1601))],
            status: 400,
            code: 21617,
            message: "The concatenated message body exceeds the 1600 character limit."
        ),
        Case(
            name: "body length checked before magic From",
            form: [to, ("From", "+15005550007"), ("Body", String(repeating: "a", count: 1601))],
            status: 400,
            code: 21617,
            message: "The concatenated message body exceeds the 1600 character limit."
        ),
        Case(
            name: "magic From +15005550001",
            form: [to, ("From", "+15005550001"), body],
            status: 400,
            code: 21212,
            message: "The 'From' number +15005550001 is not a valid phone number, shortcode, or alphanumeric sender ID."
        ),
        Case(
            name: "magic From +15005550007",
            form: [to, ("From", "+15005550007"), body],
            status: 400,
            code: 21606,
            message:
                "The From phone number +15005550007 is not a valid, SMS-capable inbound phone number or short code "
                + "for your account."
        ),
        Case(
            name: "magic From +15005550008",
            form: [to, ("From", "+15005550008"), body],
            status: 429,
            code: 21611,
            message: "SMS queue is full."
        ),
        Case(
            name: "From not owned",
            form: [to, ("From", "+15005550000"), body],
            status: 400,
            code: 21606,
            message:
                "The From phone number +15005550000 is not a valid, SMS-capable inbound phone number or short code "
                + "for your account."
        ),
        Case(
            name: "short-format From not owned",
            form: [to, ("From", "+123"), body],
            status: 400,
            code: 21606,
            message: "The From phone number +123 is not a valid, SMS-capable inbound phone number or short code for "
                + "your account."
        ),
        Case(
            name: "magic To +15005550001",
            form: [("To", "+15005550001"), from, body],
            status: 400,
            code: 21211,
            message: "The 'To' number +15005550001 is not a valid phone number."
        ),
        Case(
            name: "magic To +15005550002",
            form: [("To", "+15005550002"), from, body],
            status: 400,
            code: 21612,
            message: "The 'To' phone number: +15005550002, is not currently reachable using the 'From' phone number: "
                + "+15005550006 via SMS."
        ),
        Case(
            name: "magic To +15005550002 with media",
            form: [("To", "+15005550002"), from, ("MediaUrl", "https://example.test/a.png")],
            status: 400,
            code: 21612,
            message: "The 'To' phone number: +15005550002, is not currently reachable using the 'From' phone number: "
                + "+15005550006 via MMS."
        ),
        Case(
            name: "magic To +15005550003",
            form: [("To", "+15005550003"), from, body],
            status: 400,
            code: 21408,
            message: "Permission to send an SMS has not been enabled for the region indicated by the 'To' number: "
                + "+15005550003"
        ),
        Case(
            name: "magic To +15005550004",
            form: [("To", "+15005550004"), from, body],
            status: 400,
            code: 21610,
            message: "Attempt to send to unsubscribed recipient"
        ),
        Case(
            name: "magic To +15005550009",
            form: [("To", "+15005550009"), from, body],
            status: 400,
            code: 21614,
            message: "To number: +15005550009, is not a mobile number"
        ),
    ]

    @Test("answers each invalid create with Twilio's code, status and exact body", arguments: cases)
    func errorAnswer(_ errorCase: Case) async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let request = RESTScript.Request.authenticated(
                "POST",
                Self.path,
                form: errorCase.form,
                as: (fixedAccount.sid, fixedAccount.authToken)
            )
            let responses = try await RESTScript.run([request], baseURL: try #require(sandbox.baseURL))
            let response = try #require(responses.first)
            #expect(response.status == errorCase.status)
            #expect(response.headers["Content-Type"] == "application/json")
            let expected =
                "{\"code\":\(errorCase.code),\"message\":\(Self.quoted(errorCase.message)),"
                + "\"more_info\":\"https://www.twilio.com/docs/errors/\(errorCase.code)\",\"status\":\(errorCase.status)}"
            #expect(response.body == expected)
            #expect(sandbox.messages().isEmpty)
        }
    }

    @Test("treats a JSON body as no parameters and answers 21604")
    func jsonBodyRejected() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            var request = RESTScript.Request.authenticated(
                "POST",
                Self.path,
                as: (fixedAccount.sid, fixedAccount.authToken)
            )
            request.rawBody = #"{"To":"+14155550100","From":"+15005550006","Body":"hi"}"#
            request.contentType = "application/json"
            let responses = try await RESTScript.run([request], baseURL: try #require(sandbox.baseURL))
            #expect(responses[0].status == 400)
            #expect(try responses[0].json()["code"] as? Int == 21604)
        }
    }

    private static func quoted(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: [text], options: [.withoutEscapingSlashes])
        let array = data.map { String(decoding: $0, as: UTF8.self) } ?? "[\"\"]"
        return String(array.dropFirst().dropLast())
    }
}
