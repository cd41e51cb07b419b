/// One grant of an API key: every method, every method of one service, or one method.
///
/// The stored form (``rawValue``) is `*`, `twilio.gateway.v1.Verify/*` or
/// `twilio.gateway.v1.Verify/StartVerification`. ``init(parsing:among:)`` also takes the short
/// forms an operator types, such as `Verify.*` or `Verify.StartVerification`.
public struct RPCScope: Hashable, Sendable, CustomStringConvertible {
    /// The scope in its stored form.
    public let rawValue: String

    /// Reads a scope in its stored form, as ``rawValue`` wrote it, without checking that its
    /// service or method exists.
    ///
    /// - Returns: The scope, or `nil` when `rawValue` is not `*`, `service/*` or `service/method`.
    public init?(rawValue: String) {
        if rawValue != "*" {
            let parts = rawValue.split(separator: "/", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
                return nil
            }
        }
        self.rawValue = rawValue
    }

    /// Every method.
    public static let all = RPCScope(uncheckedRawValue: "*")

    /// Every method of `service`, such as `twilio.gateway.v1.Verify`.
    public static func service(_ service: String) -> RPCScope {
        RPCScope(uncheckedRawValue: service + "/*")
    }

    /// One method.
    public static func method(_ method: RPCMethod) -> RPCScope {
        RPCScope(uncheckedRawValue: method.service + "/" + method.name)
    }

    private init(uncheckedRawValue: String) {
        rawValue = uncheckedRawValue
    }

    /// Whether the scope grants `method`.
    public func permits(_ method: RPCMethod) -> Bool {
        rawValue == "*" || rawValue == method.service + "/*" || rawValue == method.service + "/" + method.name
    }

    public var description: String {
        rawValue
    }
}
