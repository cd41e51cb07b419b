import GatewayTestSupport
import Testing
import TwiML

@Suite(
    "TwiML against twilio-python",
    .enabled(
        if: PythonPackages.testsRun(needing: "twilio.twiml.voice_response"),
        "twilio-python is not installed (pip install twilio==9.13.0); set GATEWAY_REQUIRE_PYTHON=1 to fail instead"
    )
)
struct TwilioPythonComparisonTests {
    @Test("writes the same bytes as str(response) in twilio-python", arguments: TwiMLCases.all)
    func sameBytes(program: TwiMLCase) async throws {
        let python = try await PythonTwiML.outputs.value
        let expected = try #require(python[program.name])
        let swift = try program.build()
        #expect(Array(swift.utf8) == Array(expected.utf8), "\(swift)\nPython: \(expected)")
    }
}
