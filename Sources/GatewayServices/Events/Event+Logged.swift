internal import GatewayAPI
internal import GatewayStore
internal import ServiceSupport

extension Event {
    /// The RPC form of an event read from the log.
    ///
    /// `parameters` is a map, so a parameter Twilio sent several times keeps its first value,
    /// as the typed fields do (see ``GatewayStore/GatewayEvent``); the log keeps every value.
    ///
    /// Protobuf strings here cannot hold U+0000, which a webhook may carry (a form body can
    /// encode `%00`): each one becomes U+FFFD in the RPC form, so that one such event cannot
    /// stop a stream. The log keeps the text as received.
    init(_ logged: LoggedEvent) {
        let event = logged.event
        var parameters: [String: String] = [:]
        for parameter in event.parameters {
            let name = Self.sendable(parameter.name)
            if parameters[name] == nil {
                parameters[name] = Self.sendable(parameter.value)
            }
        }
        self.init(
            offset: logged.offset,
            type: Self.sendable(event.type.rawValue),
            receivedAt: Timestamp.rfc3339(event.receivedAt),
            messageSID: Self.sendable(event.messageSID ?? ""),
            callSID: Self.sendable(event.callSID ?? ""),
            accountSID: Self.sendable(event.accountSID ?? ""),
            from: Self.sendable(event.from ?? ""),
            to: Self.sendable(event.to ?? ""),
            status: Self.sendable(event.status ?? ""),
            parameters: parameters
        )
    }

    /// `text` with each U+0000 replaced by U+FFFD, the replacement character.
    private static func sendable(_ text: String) -> String {
        guard text.utf8.contains(0) else {
            return text
        }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { $0 == "\u{0}" ? "\u{FFFD}" : $0 }))
    }
}
