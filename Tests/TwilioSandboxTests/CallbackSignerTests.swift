import Testing

@testable import TwilioSandbox

/// Vectors from shared/reference/twilio-signature-vectors.json, which twilio-python's
/// `RequestValidator` produced.
@Suite("CallbackSigner")
struct CallbackSignerTests {
    @Test(
        "signs as twilio-python's RequestValidator computes",
        arguments: [
            (
                "12345", "https://mycompany.com/myapp.php?foo=1&bar=2",
                [
                    ("CallSid", "CA1234567890ABCDE"), ("Digits", "1234"), ("From", "+14158675309"),
                    ("To", "+18005551212"), ("Caller", "+14158675309"),
                ],
                "RSOYDt4T1cUTdK1PDd93/VVr8B8="
            ),
            (
                "0123456789abcdef0123456789abcdef", "https://hooks.example.test/twilio/status?tenant=acme&attempt=2",
                [("Sid", "CA123"), ("SidAccount", "AC123"), ("Digits", "5678"), ("Digits", "1234")],
                "6Phskb6CcQc2YXf9w2dD3e4D/0s="
            ),
            (
                "fedcba9876543210fedcba9876543210", "https://hooks.example.test/twilio/sms",
                [
                    ("From", "+14155550100"), ("To", "+15005550006"), ("Body", "Olá 👋 — ça va? 日本語"),
                    ("MessageSid", "SM00112233445566778899aabbccddeeff"),
                    ("AccountSid", "AC0123456789abcdef0123456789abcdef"),
                ],
                "G8Y3DraKGzr+Lg6GfmyhJryEUqM="
            ),
            (
                "fedcba9876543210fedcba9876543210", "https://hooks.example.test/twilio/sms",
                [
                    ("body", "lower"), ("Body", "Upper"), ("_x", "under"), ("a", "1"), ("Z", "2"), ("a1", "3"),
                    ("A", "4"),
                ],
                "UnR342ZZSiKz/lZ26ZNoM1ptJIU="
            ),
        ]
    )
    func vectors(token: String, url: String, parameters: [(String, String)], signature: String) {
        let named = parameters.map { (name: $0.0, value: $0.1) }
        #expect(CallbackSigner.signature(url: url, parameters: named, authToken: token) == signature)
    }

    @Test(
        "reads http URLs for delivery, signing them without the fragment",
        arguments: [
            ("http://127.0.0.1:8080/s?a=1#rc=2", "127.0.0.1", 8080, "/s?a=1", "http://127.0.0.1:8080/s?a=1"),
            ("http://hooks.local", "hooks.local", 80, "/", "http://hooks.local"),
            ("http://[::1]:9000?x", "::1", 9000, "/?x", "http://[::1]:9000?x"),
        ]
    )
    func targets(url: String, host: String, port: Int, path: String, signed: String) throws {
        let target = try #require(CallbackTarget(url))
        #expect(target.host == host)
        #expect(target.port == port)
        #expect(target.pathAndQuery == path)
        #expect(target.signedURL == signed)
    }

    @Test(
        "refuses what it cannot call",
        arguments: ["https://hooks.example.test/s", "ftp://x/y", "http://", "http://a:99999/"]
    )
    func refused(url: String) {
        #expect(CallbackTarget(url) == nil)
    }
}
