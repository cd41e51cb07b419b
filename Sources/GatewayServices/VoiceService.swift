public import GatewayAPI
public import RPCCore
internal import ServiceSupport
public import TwilioREST

/// The `twilio.gateway.v1.Voice` service: phone calls through Twilio's Calls API.
public struct VoiceService: Sendable {
    /// The events a call reports when the service adds its own status callback.
    public static let allStatusCallbackEvents = ["initiated", "ringing", "answered", "completed"]

    private let twilio: TwilioClient
    private let statusCallback: @Sendable () -> String?

    /// Creates the service on top of a Twilio client.
    ///
    /// - Parameters:
    ///   - twilio: The client for Twilio (or the sandbox).
    ///   - statusCallback: The `StatusCallback` of calls that give none, such as the gateway's
    ///     own `/webhooks/twilio/status`, asked for on each call; such calls then report every
    ///     event (``allStatusCallbackEvents``). `nil` leaves them without.
    public init(twilio: TwilioClient, statusCallback: @escaping @Sendable () -> String? = { nil }) {
        self.twilio = twilio
        self.statusCallback = statusCallback
    }

    /// Adds the service's methods to `router`.
    public func register(in router: inout RPCRouter) {
        router.registerUnary(.makeCall, MakeCallRequest.self, makeCall)
        router.registerUnary(.getCall, GetCallRequest.self, getCall)
        router.registerUnary(.updateCall, UpdateCallRequest.self, updateCall)
    }

    /// Places one call.
    ///
    /// - Throws: INVALID_ARGUMENT naming the fields when the request lacks a party, a caller
    ///   ID or its instructions, or holds a value outside the allowed ones; otherwise what Twilio
    ///   answered, mapped as in docs/errors.md.
    public func makeCall(_ request: MakeCallRequest, context: RPCServerContext) async throws -> Call {
        try RequestValidation.validate(request)
        var twilioRequest = CreateCallRequest(
            to: request.to,
            from: request.from,
            statusCallbackEvents: request.statusCallbackEvents
        )
        switch request.instructions {
        case .twimlURL(let url): twilioRequest.url = url
        case .twiml(let twiml): twilioRequest.twiml = twiml
        case nil: break
        }
        twilioRequest.method = request.method.isEmpty ? nil : request.method
        twilioRequest.statusCallback = request.statusCallback.isEmpty ? nil : request.statusCallback
        if twilioRequest.statusCallback == nil, let statusCallback = statusCallback() {
            twilioRequest.statusCallback = statusCallback
            twilioRequest.statusCallbackEvents = Self.allStatusCallbackEvents
        }
        twilioRequest.timeout = request.timeout == 0 ? nil : Int(request.timeout)
        twilioRequest.record = request.record ? true : nil
        twilioRequest.machineDetection = request.machineDetection.isEmpty ? nil : request.machineDetection

        let call = try await twilio.createCall(twilioRequest, deadline: context.deadline, logger: context.logger)
        context.logger.info(
            "voice.call.placed",
            ["twilio.call.sid": call.sid, "to": Redaction.phoneNumber(request.to)]
        )
        return Call(call)
    }

    /// Fetches one call.
    ///
    /// - Throws: INVALID_ARGUMENT when the SID is not `CA` and 32 hex digits; NOT_FOUND when
    ///   Twilio has no such call.
    public func getCall(_ request: GetCallRequest, context: RPCServerContext) async throws -> Call {
        try RequestValidation.validate(request)
        return Call(try await twilio.fetchCall(sid: request.sid, deadline: context.deadline, logger: context.logger))
    }

    /// Cancels, hangs up or redirects one call.
    ///
    /// - Throws: INVALID_ARGUMENT for a malformed SID, a missing change or a status other than
    ///   `canceled`/`completed`; FAILED_PRECONDITION (Twilio 21220) when the call's state does
    ///   not allow the change; NOT_FOUND when Twilio has no such call.
    public func updateCall(_ request: UpdateCallRequest, context: RPCServerContext) async throws -> Call {
        try RequestValidation.validate(request)
        var update = CallUpdate()
        switch request.action {
        case .status(let status): update.status = TwilioCallStatus(rawValue: status)
        case .twimlURL(let url):
            update.url = url
            update.method = request.method.isEmpty ? nil : request.method
        case .twiml(let twiml): update.twiml = twiml
        case nil: break
        }

        let call = try await twilio.updateCall(
            sid: request.sid,
            update,
            deadline: context.deadline,
            logger: context.logger
        )
        context.logger.info(
            "voice.call.updated",
            ["twilio.call.sid": call.sid, "twilio.call.status": call.status?.rawValue ?? ""]
        )
        return Call(call)
    }
}

extension Call {
    /// The gateway's view of a call Twilio reported.
    init(_ call: TwilioCall) {
        self.init(
            sid: call.sid,
            status: call.status?.rawValue ?? "",
            to: call.to ?? "",
            from: call.from ?? "",
            accountSID: call.accountSID ?? "",
            direction: call.direction ?? "",
            dateCreated: Self.rfc3339(call.dateCreated),
            dateUpdated: Self.rfc3339(call.dateUpdated),
            startTime: Self.rfc3339(call.startTime),
            endTime: Self.rfc3339(call.endTime),
            duration: call.duration.flatMap { Int32($0) } ?? 0,
            answeredBy: call.answeredBy ?? "",
            toFormatted: call.toFormatted ?? "",
            fromFormatted: call.fromFormatted ?? "",
            price: call.price ?? "",
            priceUnit: call.priceUnit ?? "",
            parentCallSID: call.parentCallSID ?? ""
        )
    }

    private static func rfc3339(_ date: String?) -> String {
        date.flatMap(TwilioDate.rfc3339(fromRFC2822:)) ?? ""
    }
}
