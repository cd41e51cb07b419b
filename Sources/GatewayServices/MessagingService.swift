public import GatewayAPI
public import RPCCore
internal import ServiceSupport
public import TwilioREST

/// The `twilio.gateway.v1.Messaging` service: SMS and MMS through Twilio's Messages API.
public struct MessagingService: Sendable {
    private let twilio: TwilioClient

    /// Creates the service on top of a Twilio client.
    public init(twilio: TwilioClient) {
        self.twilio = twilio
    }

    /// Adds the service's methods to `router`.
    public func register(in router: inout RPCRouter) {
        router.registerUnary(.sendSms, SendSmsRequest.self, sendSms)
    }

    /// Sends one message.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields when the request lacks a recipient or a
    ///   sender; otherwise what Twilio answered, mapped as in docs/errors.md.
    public func sendSms(_ request: SendSmsRequest, context: RPCServerContext) async throws -> Message {
        try RequestValidation.validate(request)
        var twilioRequest = CreateMessageRequest(to: request.to, mediaURLs: request.mediaURLs)
        switch request.sender {
        case .from(let number): twilioRequest.from = number
        case .messagingServiceSID(let sid): twilioRequest.messagingServiceSID = sid
        case nil: break
        }
        twilioRequest.body = request.body.isEmpty ? nil : request.body
        twilioRequest.statusCallback = request.statusCallback.isEmpty ? nil : request.statusCallback

        let sent = try await twilio.createMessage(twilioRequest, deadline: context.deadline, logger: context.logger)
        context.logger.info(
            "messaging.sms.sent",
            ["twilio.message.sid": sent.sid, "to": Redaction.phoneNumber(request.to)]
        )
        return Message(sent)
    }
}

extension Message {
    /// The gateway's view of a message Twilio reported.
    init(_ message: TwilioMessage) {
        self.init(
            sid: message.sid,
            status: message.status?.rawValue ?? "",
            to: message.to ?? "",
            from: message.from ?? "",
            body: message.body ?? "",
            accountSID: message.accountSID ?? "",
            messagingServiceSID: message.messagingServiceSID ?? "",
            direction: message.direction ?? "",
            numSegments: message.numSegments.flatMap { Int32($0) } ?? 0,
            numMedia: message.numMedia.flatMap { Int32($0) } ?? 0,
            errorCode: message.errorCode.map { Int32(clamping: $0) } ?? 0,
            errorMessage: message.errorMessage ?? "",
            dateCreated: message.dateCreated.flatMap(TwilioDate.rfc3339(fromRFC2822:)) ?? "",
            dateUpdated: message.dateUpdated.flatMap(TwilioDate.rfc3339(fromRFC2822:)) ?? ""
        )
    }
}
