/// Full names of the gateway's message types, for brevity in tests.
enum ProtoTypes {
    static let sendSmsRequest = "twilio.gateway.v1.SendSmsRequest"
    static let message = "twilio.gateway.v1.Message"
    static let event = "twilio.gateway.v1.Event"
    static let parametersEntry = "twilio.gateway.v1.Event.ParametersEntry"
    static let errorDetails = "twilio.gateway.v1.ErrorDetails"
    static let fieldViolation = "twilio.gateway.v1.FieldViolation"
    static let healthCheckResponse = "twilio.gateway.v1.HealthCheckResponse"
    static let subscribeEventsRequest = "twilio.gateway.v1.SubscribeEventsRequest"
}
