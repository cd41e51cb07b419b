import Testing
import TwiML

@Suite("TwiML XML safety")
struct XMLSafetyTests {
    @Test(
        "refuses characters XML 1.0 cannot carry, in text and in attributes",
        arguments: ["\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1B}", "\u{1F}", "\u{FFFE}", "\u{FFFF}"]
    )
    func refusesControlCharacters(character: String) throws {
        let inText = VoiceResponse { Say("before\(character)after") }
        let error = try #require(throws: TwiMLError.self) { try inText.xml() }
        #expect(error.code == .invalidCharacter)
        #expect(error.message.contains("the text of <Say>"))

        let inAttribute = VoiceResponse { Gather(action: "/a\(character)") }
        let attributeError = try #require(throws: TwiMLError.self) { try inAttribute.xml() }
        #expect(attributeError.code == .invalidCharacter)
        #expect(attributeError.message.contains("attribute action"))
    }

    @Test("keeps the characters XML allows at the edges of the ranges")
    func keepsAllowedCharacters() throws {
        let text = "\u{20}\u{7F}\u{85}\u{D7FF}\u{E000}\u{FFFD}\u{10000}\u{10FFFF}"
        #expect(
            try VoiceResponse { Say(text) }.xml(includingDeclaration: false)
                == "<Response><Say>\(text)</Say></Response>"
        )
    }

    @Test(
        "refuses names that are not XML names",
        arguments: ["", "1Say", "Say Now", "Say>", "Säy", "-x"]
    )
    func refusesBadNames(name: String) throws {
        var response = VoiceResponse()
        response.verbs.append(TwiMLElement(name: name))
        #expect(throws: TwiMLError.self) { try response.xml() }

        var attributed = VoiceResponse()
        attributed.verbs.append(TwiMLElement(name: "Leave", attributes: [.init(name: name, value: "v")]))
        let error = try #require(throws: TwiMLError.self) { try attributed.xml() }
        #expect(error.code == .invalidName)
    }

    @Test("a generic element writes a verb this module does not model")
    func genericElement() throws {
        var response = VoiceResponse { Say("Queued") }
        response.verbs.append(
            TwiMLElement(name: "Enqueue", attributes: [.init(name: "waitUrl", value: "/wait")], text: "support")
        )
        response.append(Hangup())
        #expect(
            try response.xml(includingDeclaration: false)
                == #"<Response><Say>Queued</Say><Enqueue waitUrl="/wait">support</Enqueue><Hangup /></Response>"#
        )
    }
}
