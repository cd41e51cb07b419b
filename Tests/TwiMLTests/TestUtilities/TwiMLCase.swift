import Testing
import TwiML

/// One builder program, written twice: with this module and with twilio-python 9.13.0
/// (`from twilio.twiml.voice_response import *` and `messaging_response` are in scope; the
/// snippet must leave its response in `r`).
struct TwiMLCase: Sendable, CustomTestStringConvertible {
    var name: String
    var build: @Sendable () throws -> String
    var python: String

    var testDescription: String {
        name
    }

    init(_ name: String, python: String, voice: @escaping @Sendable () -> VoiceResponse) {
        self.name = name
        self.python = python
        self.build = { try voice().xml() }
    }

    init(_ name: String, python: String, messaging: @escaping @Sendable () -> MessagingResponse) {
        self.name = name
        self.python = python
        self.build = { try messaging().xml() }
    }
}
