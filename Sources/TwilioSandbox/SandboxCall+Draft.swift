extension SandboxCall {
    /// A new outbound call, `queued`, made from a checked request.
    init(draft: CallDraft, sid: String, accountSID: String, now: Double) {
        self.init(
            sid: sid,
            accountSID: accountSID,
            to: draft.to,
            from: draft.from,
            status: .queued,
            direction: "outbound-api",
            url: draft.url,
            method: draft.method,
            twiml: draft.twiml,
            statusCallback: draft.statusCallback,
            statusCallbackMethod: draft.statusCallbackMethod,
            statusCallbackEvents: draft.statusCallbackEvents,
            timeout: draft.timeout,
            record: draft.record,
            machineDetection: draft.machineDetection,
            answeredBy: nil,
            dateCreated: now,
            dateUpdated: now,
            startTime: nil,
            answerTime: nil,
            endTime: nil,
            twimlDocuments: [],
            callbacks: []
        )
    }
}
