import GatewayAPI
import GatewayAccess
import GatewayStore
import RPCCore
import Testing

@Suite("API key format and registry")
struct APIKeyTokenTests {
    @Test("a generated key reads back with its ID, and its description masks the secret")
    func roundTrip() throws {
        let token = APIKeyToken.generate()
        let text = token.revealed
        #expect(text.hasPrefix("tgw_"))
        #expect(text.count == 4 + 16 + 1 + 43)
        let read = try #require(APIKeyToken(text))
        #expect(read.id == token.id)
        #expect(read.matches(token.secretHash))
        #expect(!APIKeyToken.generate().matches(token.secretHash))
        #expect(String(describing: token) == "tgw_\(token.id)_…")
        #expect(!String(describing: token).contains(text.dropFirst(21)))
    }

    @Test(
        "text that is not a key is refused",
        arguments: [
            "", "tgw_", "tgw_0123456789abcdef", "abc_0123456789abcdef_" + String(repeating: "a", count: 43),
            "tgw_0123456789ABCDEF_" + String(repeating: "a", count: 43),
            "tgw_0123456789abcdef_" + String(repeating: "a", count: 42),
            "tgw_0123456789abcdef_" + String(repeating: "a", count: 42) + "=",
        ]
    )
    func malformed(text: String) {
        #expect(APIKeyToken(text) == nil)
    }

    @Test("creating a key with an unknown scope lists the valid ones and stores nothing")
    func unknownScope() async throws {
        let harness = try AccessHarness(enforcement: .always)
        #expect {
            try harness.registry.create(name: "x", scopes: ["Verify.Start"])
        } throws: { error in
            String(describing: error).contains("Verify.StartVerification")
        }
        #expect(try harness.registry.list().isEmpty)
        #expect(throws: APIKeyRegistryError.self) { try harness.registry.create(name: "", scopes: []) }
        await harness.stop()
    }

    @Test(
        "a name must be 1 to 64 printable characters, without surrounding spaces",
        arguments: [
            ("", false), ("web", true), ("Büro – SMS ✓", true), (String(repeating: "n", count: 64), true),
            (String(repeating: "n", count: 65), false), ("a\tb", false), ("a\nb", false),
            ("\u{1B}[31mred", false), ("a\u{7F}", false), ("right\u{202E}left", false), ("a\u{2028}b", false),
            (" ", false), ("   ", false), ("\u{A0}", false), ("\u{3000}", false), (" web", false), ("web ", false),
            ("\u{A0}web", false), ("web\u{3000}", false), ("sms web", true), ("sms\u{A0}web", true),
        ]
    )
    func names(name: String, accepted: Bool) async throws {
        let harness = try AccessHarness(enforcement: .always)
        if accepted {
            #expect(try harness.registry.create(name: name, scopes: []).record.name == name)
        } else {
            #expect {
                try harness.registry.create(name: name, scopes: [])
            } throws: { error in
                String(describing: error).contains("1 to 64 printable characters")
            }
            #expect(try harness.registry.list().isEmpty)
        }
        await harness.stop()
    }

    @Test("scopes are stored in their long form, and no scope means every method")
    func storedScopes() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let narrow = try harness.registry.create(name: "login", scopes: ["Verify.*", "Messaging.SendSms"])
        #expect(narrow.record.scopes == ["twilio.gateway.v1.Verify/*", "twilio.gateway.v1.Messaging/SendSms"])
        let wide = try harness.registry.create(name: "ops", scopes: [])
        #expect(wide.record.scopes == ["*"])
        #expect(try harness.registry.list().map(\.id) == [narrow.record.id, wide.record.id])
        await harness.stop()
    }

    @Test("revoking an unknown or revoked key says so")
    func revokeErrors() async throws {
        let harness = try AccessHarness(enforcement: .always)
        let issued = try harness.registry.create(name: "web", scopes: [])
        try harness.registry.revoke(id: issued.record.id)
        #expect { try harness.registry.revoke(id: issued.record.id) } throws: {
            String(describing: $0).contains("revoked already")
        }
        #expect { try harness.registry.revoke(id: "0000000000000000") } throws: {
            String(describing: $0).contains("there is no API key")
        }
        await harness.stop()
    }
}
