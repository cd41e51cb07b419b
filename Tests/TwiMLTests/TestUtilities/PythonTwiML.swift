import Foundation
import GatewayTestSupport

/// Runs every case's Python snippet in one `python3` process and keeps what `str(r)` gave.
enum PythonTwiML {
    /// Python's output for each case, by name; computed once for the whole run.
    static let outputs = Task<[String: String], any Error> {
        let snippets = Dictionary(uniqueKeysWithValues: TwiMLCases.all.map { ($0.name, $0.python) })
        let plan = String(decoding: try JSONEncoder().encode(snippets), as: UTF8.self)
        return try await PythonPeer.runJSON([String: String].self, script, arguments: [plan])
    }

    private static let script = #"""
        import json, sys
        from twilio.twiml.voice_response import VoiceResponse, Gather, Dial, Number, Say, Play, Pause
        from twilio.twiml.messaging_response import MessagingResponse, Message

        out = {}
        for name, code in json.loads(sys.argv[1]).items():
            scope = {"VoiceResponse": VoiceResponse, "MessagingResponse": MessagingResponse}
            exec(code, scope)
            out[name] = str(scope["r"])
        print(json.dumps(out))
        """#
}
