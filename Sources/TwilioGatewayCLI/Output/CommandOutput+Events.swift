internal import GatewayAPI
internal import ServiceSupport

extension CommandOutput {
    /// An event as one JSON object: its non-empty fields, and every parameter by name.
    static func json(_ event: Event) -> String {
        let parameters = event.parameters.sorted { $0.key < $1.key }.map { name, value in
            JSONString.quote(name) + ":" + JSONString.quote(value)
        }
        return object([
            ("offset", String(event.offset)), ("type", text(event.type)), ("receivedAt", text(event.receivedAt)),
            ("messageSid", text(event.messageSID)), ("callSid", text(event.callSID)),
            ("accountSid", text(event.accountSID)), ("from", text(event.from)), ("to", text(event.to)),
            ("status", text(event.status)), ("parameters", "{" + parameters.joined(separator: ",") + "}"),
        ])
    }

    /// The readable line of an event: offset, time, type, SID, status, parties, and the body of
    /// an inbound message.
    static func line(_ event: Event) -> String {
        var words = [String(event.offset), event.receivedAt, event.type]
        let sid = event.messageSID.isEmpty ? event.callSID : event.messageSID
        words += [sid, event.status].filter { !$0.isEmpty }
        if !event.from.isEmpty {
            words.append("from \(event.from)")
        }
        if !event.to.isEmpty {
            words.append("to \(event.to)")
        }
        var line = words.joined(separator: " ")
        if let body = event.parameters["Body"], !body.isEmpty {
            line += ": \(body)"
        }
        return line
    }
}
