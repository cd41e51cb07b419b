/// What an application answered to a ``WebhookRequest``.
public struct WebhookResponse: Sendable {
    /// The HTTP status, such as 200.
    public var status: Int
    /// The headers, in the order received.
    public var headers: [(name: String, value: String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - headers: The headers.
    ///   - body: The body.
    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// Whether ``status`` is 2xx.
    public var isSuccess: Bool {
        (200...299).contains(status)
    }

    /// The first header called `name`, compared without regard to case.
    public func header(named name: String) -> String? {
        let wanted = name.lowercased()
        return headers.first { $0.name.lowercased() == wanted }?.value
    }
}
