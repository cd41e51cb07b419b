internal import GatewayAPI
internal import TwilioREST

extension Message {
    /// The gateway's view of a message Twilio reported.
    init(_ message: TwilioMessage) {
        self.init(
            sid: message.sid,
            status: message.status?.rawValue ?? "",
            to: message.to ?? "",
            from: message.from ?? "",
            body: message.body ?? "",
            accountSID: message.accountSID ?? "",
            messagingServiceSID: message.messagingServiceSID ?? "",
            direction: message.direction ?? "",
            numSegments: message.numSegments.flatMap { Int32($0) } ?? 0,
            numMedia: message.numMedia.flatMap { Int32($0) } ?? 0,
            errorCode: message.errorCode.map { Int32(clamping: $0) } ?? 0,
            errorMessage: message.errorMessage ?? "",
            dateCreated: message.dateCreated.flatMap(TwilioDate.rfc3339(fromRFC2822:)) ?? "",
            dateUpdated: message.dateUpdated.flatMap(TwilioDate.rfc3339(fromRFC2822:)) ?? "",
            dateSent: message.dateSent.flatMap(TwilioDate.rfc3339(fromRFC2822:)) ?? ""
        )
    }
}
