/// The table of methods a server offers.
public struct RPCRouter: Sendable {
    private var handlers: [String: RPCHandler] = [:]

    /// Creates an empty table.
    public init() {}

    /// Adds or replaces the handler of `method`.
    public mutating func register(_ method: RPCMethod, _ handler: RPCHandler) {
        handlers[method.path] = handler
    }

    /// The handler for a path such as `/twilio.gateway.v1.Messaging/SendSms`, if any.
    public func handler(forPath path: String) -> RPCHandler? {
        handlers[path]
    }

    /// Every registered path, sorted.
    public var paths: [String] {
        handlers.keys.sorted()
    }
}
