internal import GatewayAPI
internal import RPCCore
internal import ServiceSupport

/// How client commands print results and errors: readable text, or one JSON object with `--json`.
enum CommandOutput {
    /// A message as one JSON object with its non-empty fields.
    static func json(_ message: Message) -> String {
        object([
            ("sid", text(message.sid)), ("status", text(message.status)), ("to", text(message.to)),
            ("from", text(message.from)), ("messagingServiceSid", text(message.messagingServiceSID)),
            ("body", text(message.body)), ("numSegments", message.numSegments == 0 ? nil : String(message.numSegments)),
            ("dateCreated", text(message.dateCreated)),
        ])
    }

    /// Prints a failed call: a JSON object on standard output with `--json`, a readable line on
    /// standard error otherwise.
    static func report(_ error: RPCError, json: Bool) {
        let details = error.errorDetails
        if json {
            print("{\"error\":" + Self.json(error) + "}")
            return
        }
        var line = "error: \(error.code): \(error.message)"
        line += error.isRetryable ? " (retryable)" : " (not retryable)"
        if let details, !details.moreInfo.isEmpty {
            line += "; see \(details.moreInfo)"
        }
        printError(line)
    }

    /// A failed call as one JSON object: its status code and message, Twilio's code and link when
    /// Twilio gave them, and whether a retry may help.
    static func json(_ error: RPCError) -> String {
        let details = error.errorDetails
        return object([
            ("code", text(error.code.description)), ("message", text(error.message)),
            ("twilioCode", details.flatMap { $0.twilioCode == 0 ? nil : String($0.twilioCode) }),
            ("moreInfo", details.flatMap { text($0.moreInfo) }), ("retryable", error.isRetryable ? "true" : "false"),
        ])
    }

    /// A JSON object of the members whose value is not `nil`; values are JSON text already.
    static func object(_ fields: [(String, String?)]) -> String {
        let members = fields.compactMap { key, value in value.map { JSONString.quote(key) + ":" + $0 } }
        return "{" + members.joined(separator: ",") + "}"
    }

    /// A quoted JSON string, or `nil` for an empty one (proto3 leaves unset strings empty).
    static func text(_ value: String) -> String? {
        value.isEmpty ? nil : JSONString.quote(value)
    }
}
