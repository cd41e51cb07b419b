public import RPCCore

extension RPCMethod {
    /// `twilio.gateway.v1.Messaging/SendSms`: ``SendSmsRequest`` to ``Message``.
    public static let sendSms = RPCMethod(service: "twilio.gateway.v1.Messaging", name: "SendSms")
    /// `twilio.gateway.v1.Voice/MakeCall`: ``MakeCallRequest`` to ``Call``.
    public static let makeCall = RPCMethod(service: "twilio.gateway.v1.Voice", name: "MakeCall")
    /// `twilio.gateway.v1.Verify/StartVerification`: ``StartVerificationRequest`` to ``Verification``.
    public static let startVerification = RPCMethod(service: "twilio.gateway.v1.Verify", name: "StartVerification")
    /// `twilio.gateway.v1.Verify/CheckVerification`: ``CheckVerificationRequest`` to ``VerificationCheck``.
    public static let checkVerification = RPCMethod(service: "twilio.gateway.v1.Verify", name: "CheckVerification")
    /// `twilio.gateway.v1.Health/Check`: ``HealthCheckRequest`` to ``HealthCheckResponse``.
    public static let healthCheck = RPCMethod(service: "twilio.gateway.v1.Health", name: "Check")
    /// `twilio.gateway.v1.Health/Watch`: ``HealthCheckRequest`` to a stream of ``HealthCheckResponse``.
    public static let healthWatch = RPCMethod(service: "twilio.gateway.v1.Health", name: "Watch")
    /// `twilio.gateway.v1.Events/SubscribeEvents`: ``SubscribeEventsRequest`` to a stream of ``Event``.
    public static let subscribeEvents = RPCMethod(service: "twilio.gateway.v1.Events", name: "SubscribeEvents")

    /// Every method of the gateway's services, in the order of the .proto files.
    public static let gatewayMethods: [RPCMethod] = [
        .subscribeEvents, .ackEvents, .listEvents, .respondToCall, .replyToMessage, .healthCheck, .healthWatch,
        .sendSms, .getMessage, .cancelMessage, .bulkSendSms,
        .startVerification, .checkVerification, .getVerification, .cancelVerification, .createTotpFactor,
        .verifyTotpFactor, .createTotpChallenge, .checkTotpChallenge, .makeCall, .getCall, .updateCall,
    ]
}
