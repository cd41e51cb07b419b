import GatewayAPI
import ProtoBridge
import RPCCore
import Testing

@Suite("RPCError details")
struct RPCErrorDetailsTests {
    private let details = ErrorDetails(
        twilioCode: 21211,
        twilioMessage: "The 'To' number +1555 is not a valid phone number.",
        moreInfo: "https://www.twilio.com/docs/errors/21211",
        httpStatus: 400,
        fieldViolations: [FieldViolation(field: "to", description: "must be E.164")]
    )

    @Test("stores details encoded and decodes them back")
    func roundTrip() throws {
        let error = RPCError(code: .invalidArgument, message: "the To number is invalid", details: details)

        #expect(error.code == .invalidArgument)
        #expect(error.message == "the To number is invalid")
        #expect(error.details == (try details.serializedBytes()))
        #expect(error.errorDetails == details)
    }

    @Test("has no details when none were given")
    func noDetails() {
        #expect(RPCError(code: .internalError, message: "x").errorDetails == nil)
    }

    @Test("has no details when they do not decode")
    func undecodableDetails() {
        #expect(RPCError(code: .internalError, message: "x", details: [0x0a, 0x05, 0x01]).errorDetails == nil)
        #expect(RPCError(code: .internalError, message: "x", details: [0x3a, 0x01, 0xff]).errorDetails == nil)
    }

    @Test("empty details encode to no bytes, and read back as none")
    func emptyDetails() {
        let error = RPCError(code: .unavailable, message: "try later", details: ErrorDetails())
        #expect(error.details.isEmpty)
        #expect(error.errorDetails == nil)
    }

    @Test("details that cannot be encoded are left out")
    func unencodableDetails() {
        let error = RPCError(code: .unknown, message: "x", details: ErrorDetails(twilioMessage: "a\u{0}b"))
        #expect(error.details.isEmpty)
    }
}
