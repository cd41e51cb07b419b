internal import TwilioREST

/// The parameters Twilio sends about a call, to its TwiML URL and its status callback
/// (twilio-api.md §6.4 and §6.5). The sandbox knows no geographic data, so the city, state,
/// ZIP and country fields are present and empty, as Twilio sends them when it has none.
enum CallParameters {
    /// The parameters of every request about `call`, with `callStatus` as `CallStatus`.
    static func base(_ call: SandboxCall, callStatus: String) -> [FormField] {
        var fields = [
            FormField("AccountSid", call.accountSID),
            FormField("ApiVersion", "2010-04-01"),
            FormField("CallSid", call.sid),
            FormField("CallStatus", callStatus),
            FormField("Called", call.to),
        ]
        fields += geography("Called")
        fields.append(FormField("Caller", call.from))
        fields += geography("Caller")
        fields += [FormField("Direction", call.direction), FormField("From", call.from)]
        fields += geography("From")
        fields.append(FormField("To", call.to))
        fields += geography("To")
        if let answeredBy = call.answeredBy {
            fields.append(FormField("AnsweredBy", answeredBy))
        }
        return fields
    }

    /// A status callback's parameters: the base ones, `CallbackSource`, `SequenceNumber` and
    /// `Timestamp`, and on the final event the durations and the SIP response code.
    static func statusCallback(
        _ call: SandboxCall,
        callStatus: String,
        sequenceNumber: Int,
        now: Double,
        isFinal: Bool
    ) -> [FormField] {
        var fields = base(call, callStatus: callStatus)
        fields += [
            FormField("CallbackSource", "call-progress-events"),
            FormField("SequenceNumber", String(sequenceNumber)),
            FormField("Timestamp", RFC2822Date.format(now)),
        ]
        if isFinal {
            let seconds = call.duration ?? 0
            fields += [
                FormField("CallDuration", String(seconds)),
                FormField("Duration", String((seconds + 59) / 60)),
                FormField("SipResponseCode", sipResponseCode(call.status)),
            ]
        }
        return fields
    }

    /// The SIP code a call ended with: 200 answered, 486 busy, 487 not answered or canceled,
    /// 500 failed. (Twilio's codes for the last three are unconfirmed.)
    private static func sipResponseCode(_ status: SandboxCall.Status) -> String {
        switch status {
        case .busy: "486"
        case .noAnswer, .canceled: "487"
        case .failed: "500"
        default: "200"
        }
    }

    private static func geography(_ prefix: String) -> [FormField] {
        ["City", "Country", "State", "Zip"].map { FormField(prefix + $0, "") }
    }
}
