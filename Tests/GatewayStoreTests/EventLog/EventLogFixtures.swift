import GatewayStore

/// Events and logs the event log tests share.
enum EventLogFixtures {
    /// A configuration with nothing deleted by itself, so tests decide when retention runs.
    static let keepEverything = SQLiteEventLog.Configuration(
        retention: .unlimited,
        retentionInterval: .seconds(3600)
    )

    /// A message status callback's event, as the webhook would append it.
    static func messageStatus(
        _ sid: String,
        _ status: String,
        from: String = "+15005550006",
        to: String = "+14155550100",
        at time: Double = 1_735_732_800,
        key: String? = nil
    ) -> GatewayEvent {
        GatewayEvent(
            type: .messageStatus,
            receivedAt: time,
            dedupeKey: key,
            webhookParameters: [
                EventParameter("MessageSid", sid), EventParameter("MessageStatus", status),
                EventParameter("AccountSid", "AC0123456789abcdef0123456789abcdef"), EventParameter("From", from),
                EventParameter("To", to),
            ]
        )
    }

    /// A call status callback's event.
    static func callStatus(_ sid: String, _ status: String, from: String, to: String, at time: Double = 1_735_732_800)
        -> GatewayEvent
    {
        GatewayEvent(
            type: .callStatus,
            receivedAt: time,
            dedupeKey: nil,
            webhookParameters: [
                EventParameter("CallSid", sid), EventParameter("CallStatus", status), EventParameter("From", from),
                EventParameter("To", to),
            ]
        )
    }

    /// Every event after `offset`, read in small pages so paging is exercised too.
    static func readAll(_ log: some EventLog, after offset: Int64 = 0, filter: EventFilter = .all) async throws
        -> [LoggedEvent]
    {
        var events: [LoggedEvent] = []
        var after = offset
        while true {
            let batch = try await log.read(after: after, limit: 7, filter: filter)
            events += batch.events
            guard batch.resumeAfter > after else {
                return events
            }
            after = batch.resumeAfter
        }
    }

    /// Checks `condition` every 10 ms until it holds or 10 seconds pass; only a broken
    /// condition waits that long.
    static func eventually(_ condition: () async throws -> Bool) async throws -> Bool {
        let end = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < end {
            if try await condition() {
                return true
            }
            try await Task.sleep(for: .milliseconds(10))
        }
        return try await condition()
    }
}
