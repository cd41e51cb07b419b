internal import GatewayAPI

extension CommandOutput {
    /// A call as one JSON object with its non-empty fields.
    static func json(_ call: Call) -> String {
        object([
            ("sid", text(call.sid)), ("status", text(call.status)), ("to", text(call.to)), ("from", text(call.from)),
            ("direction", text(call.direction)), ("duration", call.duration == 0 ? nil : String(call.duration)),
            ("dateCreated", text(call.dateCreated)), ("dateUpdated", text(call.dateUpdated)),
        ])
    }
}
