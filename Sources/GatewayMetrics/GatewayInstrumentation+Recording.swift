internal import Synchronization

extension GatewayInstrumentation {
    /// The outcomes of a GraphQL request, as ``recordGraphQLOperation(name:outcome:duration:)`` labels them.
    public enum GraphQLOutcome: String, Sendable, CaseIterable {
        /// Execution ran without errors.
        case ok
        /// Execution ran and some fields failed.
        case error
        /// The document did not parse or validate, or its operation or variables did not fit.
        case invalid
        /// The HTTP request was not a GraphQL request (bad JSON, no query, wrong content type).
        case malformed
        /// The operation may not run this way, such as a mutation sent with GET.
        case notAllowed = "not_allowed"
    }

    /// Counts one finished RPC call and records its duration.
    ///
    /// - Parameters:
    ///   - service: The service of a method the server serves, such as `twilio.gateway.v1.Messaging`;
    ///     `nil` for a call to anything else, labelled `unknown`.
    ///   - method: The method, such as `SendSms`; `nil` for a call to anything else.
    ///   - code: The status code's name, such as `OK` or `INVALID_ARGUMENT`.
    ///   - duration: From the call's arrival to its status.
    public func recordRPCCall(service: String?, method: String?, code: String, duration: Duration) {
        let service = service ?? Self.unknown
        let method = method ?? Self.unknown
        rpcCalls.labels(service, method, code).increment()
        rpcDurations.labels(service, method).observe(duration)
    }

    /// Counts one answered GraphQL request and records its duration.
    ///
    /// - Parameters:
    ///   - name: The operation's name as the client gave it; empty for an operation without a
    ///     name (`anonymous`), `nil` when the name could not be known (`unknown`). A name that is
    ///     not a GraphQL name counts as `unknown` too; past ``graphQLOperationLimit`` distinct
    ///     names, a new one counts as `other`.
    ///   - outcome: How the request ended.
    ///   - duration: The time to answer it.
    public func recordGraphQLOperation(name: String?, outcome: GraphQLOutcome, duration: Duration) {
        graphQLOperations.labels(operationLabel(name), outcome.rawValue).increment()
        graphQLDuration.observe(duration)
    }

    /// Counts one request to Twilio and records its duration.
    ///
    /// - Parameters:
    ///   - endpoint: The endpoint's name, such as `messages.create`.
    ///   - status: The HTTP status, such as `201`, or the failure when nothing was answered, such as
    ///     `connect_failed` or `cancelled`.
    ///   - rateLimited: Whether the answer was a rate limit (HTTP 429 or Twilio error 20429).
    ///   - duration: How long the request took.
    public func recordTwilioRequest(endpoint: String, status: String, rateLimited: Bool, duration: Duration) {
        twilioRequests.labels(endpoint, status).increment()
        twilioDurations.labels(endpoint).observe(duration)
        if rateLimited {
            twilioRateLimited.labels(endpoint).increment()
        }
    }

    /// Counts one request to Twilio about to be made again.
    ///
    /// - Parameter endpoint: The endpoint's name, such as `messages.create`.
    public func recordTwilioRetry(endpoint: String) {
        twilioRetries.labels(endpoint).increment()
    }

    /// Counts a bulk send as running, until ``bulkSendFinished()``.
    public func bulkSendStarted() {
        bulkSends.increment()
    }

    /// Counts a bulk send as over, however it ended.
    public func bulkSendFinished() {
        bulkSends.decrement()
    }

    /// Reports the open connections of a listening port, read at each scrape.
    ///
    /// - Parameters:
    ///   - port: The port's label value, `rpc` or `http`; a second source for a port replaces the first.
    ///   - count: Returns how many connections the port has open now; it must be quick.
    public func trackOpenConnections(port: String, _ count: @escaping @Sendable () -> Int) {
        connectionSources.withLock { $0[port] = count }
    }

    /// Records the result of a readiness probe.
    ///
    /// - Parameter isReady: Whether the probe succeeded.
    public func recordReadinessProbe(isReady: Bool) {
        ready.set(isReady ? 1 : 0)
        readinessProbes.labels(isReady ? "ready" : "not_ready").increment()
    }

    /// Sets `twilio_gateway_build_info{version, mode}` to 1.
    ///
    /// - Parameters:
    ///   - version: The gateway's version.
    ///   - mode: `sandbox`, `live` or `graphql-only`.
    public func recordBuildInfo(version: String, mode: String) {
        buildInfo.labels(version, mode).set(1)
    }

    /// The label of an operation name: `anonymous`, `unknown`, the name, or `other`.
    private func operationLabel(_ name: String?) -> String {
        guard let name else {
            return Self.unknown
        }
        guard !name.isEmpty else {
            return "anonymous"
        }
        guard Self.isGraphQLName(name) else {
            return Self.unknown
        }
        return operationNames.admit(name)
    }

    /// Whether `name` is a GraphQL name, `[_A-Za-z][_0-9A-Za-z]*`: the only operation names a
    /// document can hold.
    static func isGraphQLName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else {
            return false
        }
        return name.utf8.allSatisfy { byte in
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || byte == UInt8(ascii: "_")
        }
    }
}
