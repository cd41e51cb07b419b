import Testing
import TwiML

/// Fixed expectations that hold without Python; the strings were printed by twilio-python 9.13.0.
@Suite("TwiML output")
struct TwiMLOutputTests {
    @Test("a voice response with escaping, sorted attributes and empty elements")
    func voiceDocument() throws {
        let response = VoiceResponse {
            Say("Hello & <you>", voice: .alice, loop: 2, language: "en-US")
            Gather(input: [.speech, .dtmf], action: "/a?x=\"1\"&y=2", timeout: 5, numDigits: 1) {
                Say("Press 1")
                Pause(length: 2)
            }
            Play(digits: "ww12")
            Hangup()
        }
        #expect(
            try response.xml()
                == #"<?xml version="1.0" encoding="UTF-8"?><Response>"#
                + #"<Say language="en-US" loop="2" voice="alice">Hello &amp; &lt;you&gt;</Say>"#
                + #"<Gather action="/a?x=&quot;1&quot;&amp;y=2" input="dtmf speech" numDigits="1" timeout="5">"#
                + #"<Say>Press 1</Say><Pause length="2" /></Gather><Play digits="ww12" /><Hangup /></Response>"#
        )
    }

    @Test("an empty response, with and without the declaration")
    func emptyDocuments() throws {
        #expect(try VoiceResponse().xml() == #"<?xml version="1.0" encoding="UTF-8"?><Response />"#)
        #expect(try MessagingResponse().xml(includingDeclaration: false) == "<Response />")
    }

    @Test("a messaging response with text and with nouns")
    func messagingDocument() throws {
        var response = MessagingResponse { Message("hi", to: "+1", from: "+2") }
        response.append(
            Message {
                Body("b")
                Media("https://m/1.png")
            }
        )
        response.append(Redirect("https://r"))
        #expect(
            try response.xml(includingDeclaration: false)
                == #"<Response><Message from="+2" to="+1">hi</Message>"#
                + "<Message><Body>b</Body><Media>https://m/1.png</Media></Message><Redirect>https://r</Redirect></Response>"
        )
    }

    @Test("whitespace in attribute values becomes character references")
    func attributeWhitespace() throws {
        let response = VoiceResponse {
            Redirect("/next", method: .get)
            Gather(hints: "a\tb\nc\rd")
        }
        #expect(
            try response.xml(includingDeclaration: false)
                == #"<Response><Redirect method="GET">/next</Redirect><Gather hints="a&#09;b&#10;c&#13;d" /></Response>"#
        )
    }
}
