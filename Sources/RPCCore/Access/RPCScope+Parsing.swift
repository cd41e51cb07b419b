extension RPCScope {
    /// Reads a scope an operator typed, checking it against the methods a server offers.
    ///
    /// Accepted: `*`; a service by its full name or its last component, then `/` or `.`, then a
    /// method name or `*` (`Verify.StartVerification`, `Verify.*`,
    /// `twilio.gateway.v1.Verify/StartVerification`); a leading `/` is ignored.
    ///
    /// - Parameters:
    ///   - text: What the operator typed.
    ///   - methods: The methods that exist.
    /// - Throws: ``RPCScopeError`` naming the valid scopes when `text` names no service or method
    ///   among `methods`.
    public init(parsing text: String, among methods: [RPCMethod]) throws(RPCScopeError) {
        if text == "*" {
            self = .all
            return
        }
        let trimmed = text.hasPrefix("/") ? text.dropFirst() : Substring(text)
        guard let separator = trimmed.lastIndex(of: "/") ?? trimmed.lastIndex(of: ".") else {
            throw RPCScopeError(text: text, methods: methods)
        }
        let serviceName = trimmed[..<separator]
        let methodName = String(trimmed[trimmed.index(after: separator)...])
        let services = Set(methods.map(\.service))
        let matches = services.filter { $0 == serviceName || $0.split(separator: ".").last == serviceName }
        guard matches.count == 1, let service = matches.first else {
            throw RPCScopeError(text: text, methods: methods)
        }
        if methodName == "*" {
            self = .service(service)
            return
        }
        let method = RPCMethod(service: service, name: methodName)
        guard methods.contains(method) else {
            throw RPCScopeError(text: text, methods: methods)
        }
        self = .method(method)
    }
}

/// A scope names no service or method the server offers.
public struct RPCScopeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What was typed.
    public var text: String
    /// The valid scopes, in short form, in the order of the methods given.
    public var validScopes: [String]

    /// Creates an error for `text`, listing the scopes `methods` allow.
    public init(text: String, methods: [RPCMethod]) {
        self.text = text
        var valid = ["*"]
        for method in methods {
            let service = method.service.split(separator: ".").last.map(String.init) ?? method.service
            if !valid.contains(service + ".*") {
                valid.append(service + ".*")
            }
            valid.append(service + "." + method.name)
        }
        validScopes = valid
    }

    public var description: String {
        "unknown scope '\(text)'; valid scopes are: \(validScopes.joined(separator: ", "))"
    }
}
