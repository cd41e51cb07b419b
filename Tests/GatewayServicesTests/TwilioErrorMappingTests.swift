import GatewayAPI
import GatewayServices
import RPCCore
import Testing
import TwilioREST

@Suite("Twilio failures become the statuses of docs/errors.md")
struct TwilioErrorMappingTests {
    @Test(
        "each class of Twilio answer maps to one status and a retry hint",
        arguments: [
            (400, 21211, RPCStatusCode.invalidArgument, false),
            (400, 21602, .invalidArgument, false),
            (400, 21610, .failedPrecondition, false),
            (400, 21614, .failedPrecondition, false),
            (400, 21210, .invalidArgument, false),
            (400, 21214, .failedPrecondition, false),
            (400, 21215, .failedPrecondition, false),
            (400, 21216, .failedPrecondition, false),
            (400, 21220, .failedPrecondition, false),
            (401, 20003, .failedPrecondition, false),
            (403, 20403, .permissionDenied, false),
            (404, 20404, .notFound, false),
            (429, 20429, .resourceExhausted, true),
            (429, 21611, .resourceExhausted, true),
            (429, 60203, .resourceExhausted, false),
            (429, 60202, .resourceExhausted, false),
            (429, 60308, .resourceExhausted, false),
            (429, 60310, .resourceExhausted, false),
            (400, 60200, .invalidArgument, false),
            (503, 0, .unavailable, true),
            (413, 0, .invalidArgument, false),
        ]
    )
    func apiErrors(httpStatus: Int, twilioCode: Int, expected: RPCStatusCode, retryable: Bool) throws {
        let answer = TwilioAPIError(
            httpStatus: httpStatus,
            code: twilioCode == 0 ? nil : twilioCode,
            message: "Twilio says no",
            moreInfo: twilioCode == 0 ? nil : "https://www.twilio.com/docs/errors/\(twilioCode)"
        )
        let error = TwilioErrorMapping.rpcError(for: answer)
        #expect(error.code == expected)
        let details = try #require(error.errorDetails)
        #expect(details.twilioCode == Int32(twilioCode))
        #expect(details.twilioMessage == "Twilio says no")
        #expect(details.httpStatus == Int32(httpStatus))
        #expect(details.retryable == retryable)
        #expect(error.message.contains("Twilio says no"))
    }

    @Test(
        "failing to reach Twilio is UNAVAILABLE or DEADLINE_EXCEEDED, retryable",
        arguments: [
            (TwilioTransportError.Kind.connectFailed, RPCStatusCode.unavailable),
            (.nameResolutionFailed, .unavailable),
            (.connectionLost, .unavailable),
            (.timedOut, .deadlineExceeded),
        ]
    )
    func transportErrors(kind: TwilioTransportError.Kind, expected: RPCStatusCode) throws {
        let error = TwilioErrorMapping.rpcError(for: TwilioTransportError(kind: kind, message: "nope"))
        #expect(error.code == expected)
        #expect(try #require(error.errorDetails).retryable)
    }

    @Test("a retry-after hint is kept in milliseconds")
    func retryAfter() throws {
        let answer = TwilioAPIError(httpStatus: 429, code: 20429, message: "Too many requests", retryAfter: .seconds(3))
        #expect(try #require(TwilioErrorMapping.rpcError(for: answer).errorDetails).retryAfterMilliseconds == 3000)
    }
}
