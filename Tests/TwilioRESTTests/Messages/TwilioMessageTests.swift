internal import Foundation
import Testing

@testable import TwilioREST

@Suite("TwilioMessage")
struct TwilioMessageTests {
    @Test("Twilio's 201 body decodes, strings and nulls as sent")
    func decodesTwilioBody() throws {
        let message = try JSONDecoder().decode(TwilioMessage.self, from: Data(Fixtures.createdMessageJSON.utf8))

        #expect(message.sid == "SM00112233445566778899aabbccddeeff")
        #expect(message.accountSID == "AC0123456789abcdef0123456789abcdef")
        #expect(message.status == .queued)
        #expect(message.direction == "outbound-api")
        #expect(message.numSegments == "1")
        #expect(message.numMedia == "0")
        #expect(message.price == nil)
        #expect(message.priceUnit == "USD")
        #expect(message.errorCode == nil)
        #expect(message.messagingServiceSID == nil)
        #expect(message.dateCreated == "Wed, 01 Jan 2025 12:00:00 +0000")
        #expect(message.subresourceURIs?["media"]?.hasSuffix("/Media.json") == true)
    }

    @Test("unknown fields, unknown statuses and numbers where Twilio sends strings are accepted")
    func tolerant() throws {
        let json = """
            {"sid": "SM1", "status": "teleported", "num_segments": 2, "error_code": "30003",
             "price": -0.0075, "brand_new_field": {"nested": [1, 2]}, "subresource_uris": {"media": 5}}
            """

        let message = try JSONDecoder().decode(TwilioMessage.self, from: Data(json.utf8))

        #expect(message.status == TwilioMessageStatus(rawValue: "teleported"))
        #expect(message.numSegments == "2")
        #expect(message.errorCode == 30003)
        #expect(message.price == "-0.0075")
        #expect(message.subresourceURIs == nil)
    }

    @Test("a body without a sid is not a message")
    func sidRequired() {
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode(TwilioMessage.self, from: Data(#"{"status": "queued"}"#.utf8))
        }
    }

    @Test("encoding writes snake_case keys and null for missing fields, and decodes back")
    func encodes() throws {
        let message = TwilioMessage(sid: "SM1", to: "+14155550100", status: .sent, numSegments: "1")

        let data = try JSONEncoder().encode(message)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])

        #expect(object["num_segments"] as? String == "1")
        #expect(object["status"] as? String == "sent")
        #expect(object["date_sent"] is NSNull)
        #expect(object.keys.contains("messaging_service_sid"))
        #expect(try JSONDecoder().decode(TwilioMessage.self, from: data) == message)
    }
}
