import Foundation
import GatewayTestSupport
import Testing
import TwilioSandbox

@Suite("Messages API over HTTP")
struct MessagesAPITests {
    static let credentials = (sid: fixedAccount.sid, token: fixedAccount.authToken)
    static let messagesPath = "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages.json"

    private static func create(_ form: [(String, String)]) -> RESTScript.Request {
        .authenticated("POST", messagesPath, form: form, as: credentials)
    }

    private static func isSID(_ value: Any?, prefix: String) -> Bool {
        guard let text = value as? String, text.hasPrefix(prefix), text.count == 34 else {
            return false
        }
        return text.dropFirst(2).allSatisfy { "0123456789abcdef".contains($0) }
    }

    @Test("creates a message and answers 201 with every field of the Message resource")
    func createReturnsFullResource() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let baseURL = try #require(sandbox.baseURL)
            let responses = try await RESTScript.run(
                [Self.create([("To", "+14155550100"), ("From", "+15005550006"), ("Body", "Hello there")])],
                baseURL: baseURL
            )
            let response = try #require(responses.first)
            #expect(response.status == 201)
            #expect(response.headers["Content-Type"] == "application/json")

            let json = try response.json()
            let sid = try #require(json["sid"] as? String)
            let expectedKeys: Set<String> = [
                "account_sid", "api_version", "body", "date_created", "date_sent", "date_updated", "direction",
                "error_code", "error_message", "from", "messaging_service_sid", "num_media", "num_segments", "price",
                "price_unit", "sid", "status", "subresource_uris", "to", "uri",
            ]
            #expect(Set(json.keys) == expectedKeys)
            #expect(Self.isSID(sid, prefix: "SM"))
            #expect(json["account_sid"] as? String == fixedAccount.sid)
            #expect(json["api_version"] as? String == "2010-04-01")
            #expect(json["body"] as? String == "Hello there")
            #expect(json["date_created"] as? String == "Wed, 01 Jan 2025 12:00:00 +0000")
            #expect(json["date_updated"] as? String == "Wed, 01 Jan 2025 12:00:00 +0000")
            #expect(json["date_sent"] is NSNull)
            #expect(json["direction"] as? String == "outbound-api")
            #expect(json["error_code"] is NSNull)
            #expect(json["error_message"] is NSNull)
            #expect(json["from"] as? String == "+15005550006")
            #expect(json["to"] as? String == "+14155550100")
            #expect(json["messaging_service_sid"] is NSNull)
            #expect(json["num_media"] as? String == "0")
            #expect(json["num_segments"] as? String == "1")
            #expect(json["price"] is NSNull)
            #expect(json["price_unit"] as? String == "USD")
            #expect(json["status"] as? String == "queued")
            #expect(json["uri"] as? String == "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages/\(sid).json")
            let subresources = try #require(json["subresource_uris"] as? [String: String])
            #expect(subresources == ["media": "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages/\(sid)/Media.json"])

            let stored = try #require(sandbox.message(sid: sid))
            #expect(stored.status == .queued)
            #expect(sandbox.messages().map(\.sid) == [sid])
        }
    }

    @Test("counts segments and media, and gives media messages an MM SID")
    func segmentsAndMedia() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let long = String(repeating: "ж", count: 71)
            let responses = try await RESTScript.run(
                [
                    Self.create([("To", "+14155550100"), ("From", "+15005550006"), ("Body", long)]),
                    Self.create([
                        ("To", "+14155550100"), ("From", "+15005550006"),
                        ("MediaUrl", "https://example.test/a.png"), ("MediaUrl", "https://example.test/b.png"),
                    ]),
                    Self.create([
                        ("To", "+14155550100"), ("From", "+15005550006"), ("Body", String(repeating: "x", count: 1600)),
                    ]),
                ],
                baseURL: try #require(sandbox.baseURL)
            )
            #expect(responses.map(\.status) == [201, 201, 201])
            let ucs2 = try responses[0].json()
            #expect(ucs2["num_segments"] as? String == "2")
            let media = try responses[1].json()
            #expect(Self.isSID(media["sid"], prefix: "MM"))
            #expect(media["num_media"] as? String == "2")
            #expect(media["num_segments"] as? String == "1")
            #expect(media["body"] as? String == "")
            let longest = try responses[2].json()
            #expect(longest["num_segments"] as? String == "11")
        }
    }

    @Test("sends through a Messaging Service as accepted, and from owned numbers and channels")
    func sendersAndServices() async throws {
        let service = fixedAccount.messagingServices[0].sid
        try await withSandbox(fixedConfiguration()) { sandbox in
            let responses = try await RESTScript.run(
                [
                    Self.create([("To", "+14155550100"), ("MessagingServiceSid", service), ("Body", "hi")]),
                    Self.create([("To", "+14155550100"), ("From", "+15005550010"), ("Body", "hi")]),
                    Self.create([("To", "+14155550100"), ("From", "+15005550011"), ("Body", "hi")]),
                    Self.create([("To", "whatsapp:+14155550100"), ("From", "whatsapp:+15005550006"), ("Body", "hi")]),
                ],
                baseURL: try #require(sandbox.baseURL)
            )
            #expect(responses.map(\.status) == [201, 201, 201, 201])
            let viaService = try responses[0].json()
            #expect(viaService["status"] as? String == "accepted")
            #expect(viaService["messaging_service_sid"] as? String == service)
            #expect(viaService["from"] is NSNull)
            #expect(viaService["num_segments"] as? String == "0")
            #expect(try responses[3].json()["to"] as? String == "whatsapp:+14155550100")
            #expect(sandbox.inbox(for: "+14155550100").count == 3)
            #expect(sandbox.inbox(for: "whatsapp:+14155550100").count == 1)
        }
    }

    @Test("fetches a stored message and answers 404/20404 for unknown SIDs")
    func fetch() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let baseURL = try #require(sandbox.baseURL)
            let created = try await RESTScript.run(
                [Self.create([("To", "+14155550100"), ("From", "+15005550006"), ("Body", "fetch me")])],
                baseURL: baseURL
            )
            let sid = try #require(try created[0].json()["sid"] as? String)
            let missing = "SM" + String(repeating: "0", count: 32)
            let base = "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages"
            let responses = try await RESTScript.run(
                [
                    .authenticated("GET", "\(base)/\(sid).json", as: Self.credentials),
                    .authenticated("GET", "\(base)/\(missing).json", as: Self.credentials),
                ],
                baseURL: baseURL
            )
            #expect(responses[0].status == 200)
            #expect(responses[0].body == created[0].body)
            #expect(responses[1].status == 404)
            #expect(
                responses[1].body
                    == #"{"code":20404,"message":"The requested resource \#(base)/\#(missing).json was not found","#
                    + #""more_info":"https://www.twilio.com/docs/errors/20404","status":404}"#
            )
        }
    }

    @Test("lists messages newest first, a page at a time, filtered by To")
    func list() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let baseURL = try #require(sandbox.baseURL)
            let creates = (0..<5).map { index in
                Self.create([
                    ("To", index.isMultiple(of: 2) ? "+14155550100" : "+14155550199"), ("From", "+15005550006"),
                    ("Body", "n\(index)"),
                ])
            }
            _ = try await RESTScript.run(creates, baseURL: baseURL)
            let responses = try await RESTScript.run(
                [
                    .authenticated("GET", Self.messagesPath + "?PageSize=2", as: Self.credentials),
                    .authenticated("GET", Self.messagesPath + "?PageSize=2&Page=2", as: Self.credentials),
                    .authenticated("GET", Self.messagesPath + "?To=%2B14155550100", as: Self.credentials),
                    .authenticated("GET", Self.messagesPath + "?Page=9223372036854775807", as: Self.credentials),
                ],
                baseURL: baseURL
            )
            let first = try responses[0].json()
            let firstBodies = (first["messages"] as? [[String: Any]])?.compactMap { $0["body"] as? String }
            #expect(firstBodies == ["n4", "n3"])
            #expect(first["page"] as? Int == 0)
            #expect(first["page_size"] as? Int == 2)
            #expect(first["next_page_uri"] as? String == Self.messagesPath + "?PageSize=2&Page=1")
            #expect(first["previous_page_uri"] is NSNull)
            let last = try responses[1].json()
            #expect((last["messages"] as? [[String: Any]])?.compactMap { $0["body"] as? String } == ["n0"])
            #expect(last["next_page_uri"] is NSNull)
            #expect(last["start"] as? Int == 4)
            let filtered = try responses[2].json()
            #expect(
                (filtered["messages"] as? [[String: Any]])?.compactMap { $0["body"] as? String } == ["n4", "n2", "n0"]
            )
            #expect(filtered["next_page_uri"] is NSNull)
            #expect(filtered["uri"] as? String == Self.messagesPath + "?To=%2B14155550100&PageSize=50&Page=0")
            #expect(responses[3].status == 200)
            #expect((try responses[3].json()["messages"] as? [Any])?.isEmpty == true)
        }
    }
}

@Suite("Messages API with curl")
struct MessagesCurlTests {
    @Test("creates a message with curl's form encoding and Basic credentials")
    func curlCreate() async throws {
        try await withSandbox(fixedConfiguration()) { sandbox in
            let url = try #require(sandbox.baseURL) + "/2010-04-01/Accounts/\(fixedAccount.sid)/Messages.json"
            let result = try await PythonPeer.runCommand([
                "curl", "--silent", "--show-error", "--noproxy", "*", "--max-time", "20",
                "--user", "\(fixedAccount.sid):\(fixedAccount.authToken)",
                "--data-urlencode", "To=+14155550100", "--data-urlencode", "From=+15005550006",
                "--data-urlencode", "Body=Hi from curl & friends",
                "--write-out", "\n%{http_code}", url,
            ])
            #expect(result.exitCode == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n")
            #expect(lines.last == "201")
            let json = try JSONSerialization.jsonObject(with: Data((lines.first ?? "").utf8)) as? [String: Any]
            #expect(json?["body"] as? String == "Hi from curl & friends")
            #expect(sandbox.messages().map(\.to) == ["+14155550100"])
        }
    }
}
