internal import GatewayAPI
internal import GatewayStore
internal import ServiceSupport

extension Event {
    /// The RPC form of an event read from the log.
    ///
    /// `parameters` is a map, so a parameter Twilio sent several times keeps its first value,
    /// as the typed fields do (see ``GatewayStore/GatewayEvent``).
    init(_ logged: LoggedEvent) {
        let event = logged.event
        var parameters: [String: String] = [:]
        for parameter in event.parameters where parameters[parameter.name] == nil {
            parameters[parameter.name] = parameter.value
        }
        self.init(
            offset: logged.offset,
            type: event.type.rawValue,
            receivedAt: Timestamp.rfc3339(event.receivedAt),
            messageSID: event.messageSID ?? "",
            callSID: event.callSID ?? "",
            accountSID: event.accountSID ?? "",
            from: event.from ?? "",
            to: event.to ?? "",
            status: event.status ?? "",
            parameters: parameters
        )
    }
}
