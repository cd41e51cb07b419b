internal import GatewayAPI
internal import RPCCore
internal import ServiceSupport

/// A bulk send checked as a whole, before anything is sent: who sends, how fast, and for each
/// recipient whether it is to be sent or is a repeat of an earlier one.
struct BulkSendPlan: Sendable {
    /// The most recipients one request may have.
    static let maximumRecipients = 100_000
    /// How many sends run at once when the request does not say.
    static let defaultConcurrency = 16
    /// How many times a recipient is tried on 429 answers when the request does not say.
    static let defaultAttempts = 5
    /// The slowest pace a request may set besides 0 (no pacing): one segment in 1000 seconds.
    static let slowestPace = 0.001
    /// The fastest pace a request may set, in segments per second, well above the throughput
    /// Twilio grants any one sender.
    static let fastestPace = 1000.0

    /// One recipient as the plan sees it.
    struct Job: Sendable {
        var index: Int
        var recipient: BulkRecipient
        /// The sender number, or `nil` with a Messaging Service.
        var from: String?
        /// Whether an earlier recipient has the same number.
        var isDuplicate: Bool
    }

    let template: BodyTemplate
    let messagingServiceSID: String?
    let mediaURLs: [String]
    let statusCallback: String?
    let validityPeriod: Int?
    let messagesPerSecond: Double
    let concurrency: Int
    let attempts: Int
    let jobs: [Job]

    /// Checks `request` and plans it.
    ///
    /// - Throws: INVALID_ARGUMENT naming every wrong field.
    init(_ request: BulkSendSmsRequest) throws {
        var violations = Self.senderViolations(request) + Self.limitViolations(request)
        violations += RequestValidation.mediaURLViolations(request.mediaURLs)
        violations += RequestValidation.callbackURLViolations("status_callback", request.statusCallback)
        if request.bodyTemplate.isEmpty, request.mediaURLs.isEmpty {
            violations.append(FieldViolation(field: "body_template", description: "is required without media_urls"))
        }
        do {
            template = try BodyTemplate(request.bodyTemplate)
        } catch {
            violations.append(FieldViolation(field: "body_template", description: error.message))
            template = .empty
        }
        try RequestValidation.throwIfAny(violations)

        messagingServiceSID = request.messagingServiceSID.isEmpty ? nil : request.messagingServiceSID
        mediaURLs = request.mediaURLs
        statusCallback = request.statusCallback.isEmpty ? nil : request.statusCallback
        validityPeriod = request.validityPeriod == 0 ? nil : Int(request.validityPeriod)
        messagesPerSecond = request.messagesPerSecond ?? Self.defaultPace(request)
        concurrency = request.maxConcurrency == 0 ? Self.defaultConcurrency : Int(request.maxConcurrency)
        attempts = request.maxAttempts == 0 ? Self.defaultAttempts : Int(request.maxAttempts)

        var seen: Set<String> = []
        var jobs: [Job] = []
        jobs.reserveCapacity(request.recipients.count)
        for (index, recipient) in request.recipients.enumerated() {
            let from = request.fromNumbers.isEmpty ? nil : request.fromNumbers[index % request.fromNumbers.count]
            let isDuplicate = !recipient.to.isEmpty && !seen.insert(recipient.to).inserted
            jobs.append(Job(index: index, recipient: recipient, from: from, isDuplicate: isDuplicate))
        }
        self.jobs = jobs
    }

    /// The pace senders get when the request sets none, after carriers' usual limits: 100 per
    /// second for a short code, 3 for a US or Canadian toll-free number, 1 for anything else (a
    /// long code, an alphanumeric sender ID, a Messaging Service whose pool is unknown here).
    /// Every sender of a request keeps the same pace, so with mixed kinds the slowest applies.
    static func defaultPace(_ request: BulkSendSmsRequest) -> Double {
        guard !request.fromNumbers.isEmpty else {
            return 1
        }
        let paces = request.fromNumbers.map { number -> Double in
            if (3...8).contains(number.count), number.allSatisfy(\.isASCIIDigit) {
                return 100
            }
            let tollFree = ["+1800", "+1833", "+1844", "+1855", "+1866", "+1877", "+1888"]
            return tollFree.contains { number.hasPrefix($0) } ? 3 : 1
        }
        return paces.min() ?? 1
    }

    private static func senderViolations(_ request: BulkSendSmsRequest) -> [FieldViolation] {
        let hasNumbers = !request.fromNumbers.isEmpty
        let hasService = !request.messagingServiceSID.isEmpty
        if hasNumbers == hasService {
            return [
                FieldViolation(
                    field: "from",
                    description: "give sender numbers in from, or messaging_service_sid, but not both"
                )
            ]
        }
        if hasService, !TwilioSID.isValid(request.messagingServiceSID, prefix: "MG") {
            return [FieldViolation(field: "messaging_service_sid", description: "must be MG followed by 32 hex digits")]
        }
        if request.fromNumbers.contains(where: \.isEmpty) {
            return [FieldViolation(field: "from", description: "must not hold an empty number")]
        }
        let badSender = request.fromNumbers.lazy.map { RequestValidation.messageSenderViolations("from", $0) }
        return badSender.first { !$0.isEmpty } ?? []
    }

    private static func limitViolations(_ request: BulkSendSmsRequest) -> [FieldViolation] {
        var violations: [FieldViolation] = []
        if request.recipients.isEmpty || request.recipients.count > maximumRecipients {
            violations.append(
                FieldViolation(field: "recipients", description: "must hold 1 to \(maximumRecipients) recipients")
            )
        }
        if let pace = request.messagesPerSecond, pace != 0, !(slowestPace...fastestPace).contains(pace) {
            violations.append(
                FieldViolation(
                    field: "messages_per_second",
                    description: "must be 0 (no pacing) or \(slowestPace) to \(Int(fastestPace)) segments per second; "
                        + "\(pace) is out of range"
                )
            )
        }
        if !(0...64).contains(request.maxConcurrency) {
            violations.append(FieldViolation(field: "max_concurrency", description: "must be 1 to 64, or 0 for 16"))
        }
        if !(0...10).contains(request.maxAttempts) {
            violations.append(FieldViolation(field: "max_attempts", description: "must be 1 to 10, or 0 for 5"))
        }
        if !(0...36000).contains(request.validityPeriod) {
            violations.append(
                FieldViolation(
                    field: "validity_period",
                    description: "must be 1 to 36000 seconds, or 0 for the default"
                )
            )
        }
        return violations
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool {
        isASCII && isNumber
    }
}
