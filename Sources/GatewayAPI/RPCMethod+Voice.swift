public import RPCCore

extension RPCMethod {
    /// `twilio.gateway.v1.Voice/GetCall`: ``GetCallRequest`` to ``Call``.
    public static let getCall = RPCMethod(service: "twilio.gateway.v1.Voice", name: "GetCall")
    /// `twilio.gateway.v1.Voice/UpdateCall`: ``UpdateCallRequest`` to ``Call``.
    public static let updateCall = RPCMethod(service: "twilio.gateway.v1.Voice", name: "UpdateCall")
}
